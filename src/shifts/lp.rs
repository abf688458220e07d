//! The linear-programming relaxation of a covering problem, solved through its dual so that
//! every step holds a proven lower bound: min c·x subject to A x ≥ b, x ≥ 0 (A of 0s and 1s)
//! has the dual max b·y subject to Aᵀy ≤ c, y ≥ 0, whose all-slack start is feasible, and any
//! feasible y bounds every plan from below (weak duality). A dense tableau, Dantzig's rule, and
//! Bland's rule after a run of degenerate pivots so that it cannot cycle.

/// Below this a tableau entry counts as zero.
const EPS: f64 = 1e-9;
/// Degenerate pivots in a row before switching to Bland's rule.
const BLAND_AFTER: u32 = 50;

/// The dual simplex tableau of one covering problem.
pub(crate) struct CoverLp {
    /// Dual variables: one per covering row.
    rows: usize,
    /// Dual constraints: one per problem column.
    cols: usize,
    width: usize,
    /// `cols` rows of `width`: Aᵀ, then the slacks, then the right-hand side c.
    tableau: Vec<f64>,
    /// Reduced costs of the maximisation, last entry the objective b·y.
    objective: Vec<f64>,
    basis: Vec<usize>,
    need: Vec<f64>,
    cost: Vec<f64>,
    covers: Vec<Vec<u32>>,
    degenerate_run: u32,
    optimal: bool,
}

impl CoverLp {
    /// The relaxation of: cover row i at least `need[i]` times, column j covering `covers[j]`
    /// at `cost[j]` (every cost above zero).
    pub(crate) fn new(need: &[u32], covers: &[Vec<u32>], cost: &[f64]) -> CoverLp {
        let (rows, cols) = (need.len(), covers.len());
        let width = rows + cols + 1;
        let mut tableau = vec![0.0; cols * width];
        for (j, rows_of_j) in covers.iter().enumerate() {
            let line = &mut tableau[j * width..(j + 1) * width];
            for &i in rows_of_j {
                line[i as usize] = 1.0;
            }
            line[rows + j] = 1.0;
            line[width - 1] = cost[j];
        }
        let mut objective = vec![0.0; width];
        for (i, &b) in need.iter().enumerate() {
            objective[i] = -f64::from(b);
        }
        CoverLp {
            rows,
            cols,
            width,
            tableau,
            objective,
            basis: (rows..rows + cols).collect(),
            need: need.iter().map(|&b| f64::from(b)).collect(),
            cost: cost.to_vec(),
            covers: covers.to_vec(),
            degenerate_run: 0,
            optimal: false,
        }
    }

    pub(crate) fn is_optimal(&self) -> bool {
        self.optimal
    }

    /// One pivot; marks the relaxation solved when no variable improves it.
    pub(crate) fn step(&mut self) {
        if self.optimal {
            return;
        }
        let Some(entering) = self.entering() else {
            self.optimal = true;
            return;
        };
        let Some(leaving) = self.leaving(entering) else {
            // Unbounded dual: some row no column covers. The caller removes those rows first.
            self.optimal = true;
            return;
        };
        let rhs = self.tableau[leaving * self.width + self.width - 1];
        self.degenerate_run = if rhs.abs() < EPS {
            self.degenerate_run + 1
        } else {
            0
        };
        self.pivot(leaving, entering);
    }

    fn entering(&self) -> Option<usize> {
        let reduced = &self.objective[..self.width - 1];
        if self.degenerate_run >= BLAND_AFTER {
            return reduced.iter().position(|&r| r < -EPS);
        }
        let (best, value) =
            reduced.iter().enumerate().fold(
                (0, 0.0),
                |acc, (k, &r)| if r < acc.1 { (k, r) } else { acc },
            );
        (value < -EPS).then_some(best)
    }

    fn leaving(&self, entering: usize) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for r in 0..self.cols {
            let a = self.tableau[r * self.width + entering];
            if a <= EPS {
                continue;
            }
            let ratio = self.tableau[r * self.width + self.width - 1] / a;
            let better = match best {
                None => true,
                Some((b, value)) => {
                    ratio < value - EPS || (ratio <= value + EPS && self.basis[r] < self.basis[b])
                }
            };
            if better {
                best = Some((r, ratio));
            }
        }
        best.map(|(r, _)| r)
    }

    fn pivot(&mut self, leaving: usize, entering: usize) {
        let width = self.width;
        let start = leaving * width;
        let scale = self.tableau[start + entering];
        self.tableau[start..start + width]
            .iter_mut()
            .for_each(|v| *v /= scale);
        let pivot_row = self.tableau[start..start + width].to_vec();
        for r in 0..self.cols {
            if r == leaving {
                continue;
            }
            let line = &mut self.tableau[r * width..(r + 1) * width];
            let factor = line[entering];
            if factor.abs() > EPS {
                line.iter_mut()
                    .zip(&pivot_row)
                    .for_each(|(v, p)| *v -= factor * p);
                line[entering] = 0.0;
            }
        }
        let factor = self.objective[entering];
        self.objective
            .iter_mut()
            .zip(&pivot_row)
            .for_each(|(v, p)| *v -= factor * p);
        self.objective[entering] = 0.0;
        self.basis[leaving] = entering;
    }

    /// The dual values of the current basis (one per covering row).
    fn dual(&self) -> Vec<f64> {
        let mut y = vec![0.0; self.rows];
        for (r, &var) in self.basis.iter().enumerate() {
            if var < self.rows {
                y[var] = self.tableau[r * self.width + self.width - 1].max(0.0);
            }
        }
        y
    }

    /// A proven lower bound on the cost of every covering: b·y for the current dual values,
    /// scaled down until they satisfy every column's constraint exactly (so rounding in the
    /// tableau cannot make the bound claim too much).
    pub(crate) fn bound(&self) -> f64 {
        let y = self.dual();
        let mut scale: f64 = 1.0;
        for (j, rows_of_j) in self.covers.iter().enumerate() {
            let load: f64 = rows_of_j.iter().map(|&i| y[i as usize]).sum();
            scale = scale.max(load / self.cost[j]);
        }
        let value: f64 = y.iter().zip(&self.need).map(|(y, b)| y * b).sum();
        value / scale
    }

    /// The relaxation's own (fractional) plan: people per column. Meaningful once optimal.
    pub(crate) fn primal(&self) -> Vec<f64> {
        (0..self.cols)
            .map(|j| self.objective[self.rows + j].max(0.0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(need: &[u32], covers: &[Vec<u32>], cost: &[f64]) -> CoverLp {
        let mut lp = CoverLp::new(need, covers, cost);
        while !lp.is_optimal() {
            lp.step();
        }
        lp
    }

    /// Three rows in a ring, each column covering two neighbours: the integer answer needs
    /// two columns, but half of each of the three covers every row once, so the relaxation is
    /// 1.5 (by hand: x = (½, ½, ½) covers each row ½ + ½ = 1; y = (½, ½, ½) is dual feasible
    /// with b·y = 1.5).
    #[test]
    fn the_odd_ring_has_a_fractional_relaxation_of_one_and_a_half() {
        let lp = solve(
            &[1, 1, 1],
            &[vec![0, 1], vec![1, 2], vec![2, 0]],
            &[1.0, 1.0, 1.0],
        );
        assert!((lp.bound() - 1.5).abs() < 1e-9, "{}", lp.bound());
        let x = lp.primal();
        assert!(x.iter().all(|v| (v - 0.5).abs() < 1e-9), "{x:?}");
    }

    /// One long shift (cost 3) covering both rows against two short ones (cost 2 each): the
    /// long one is cheaper for a need of 2 on both rows, 2 × 3 = 6 against 2 × (2 + 2) = 8.
    #[test]
    fn the_cheaper_cover_is_chosen() {
        let lp = solve(&[2, 2], &[vec![0, 1], vec![0], vec![1]], &[3.0, 2.0, 2.0]);
        assert!((lp.bound() - 6.0).abs() < 1e-9);
        assert!((lp.primal()[0] - 2.0).abs() < 1e-9);
    }

    #[test]
    fn any_step_bounds_from_below() {
        let need = [3, 1, 4, 1, 5];
        let covers = [vec![0, 1, 2], vec![2, 3, 4], vec![0, 4], vec![1, 3]];
        let cost = [3.0, 3.0, 2.0, 2.0];
        let mut lp = CoverLp::new(&need, &covers, &cost);
        let mut last = 0.0;
        while !lp.is_optimal() {
            lp.step();
            assert!(lp.bound() + 1e-9 >= last, "the bound never drops");
            last = lp.bound();
        }
        // x = (3, 4, 1, 1) costs 9 + 12 + 2 + 2 = 25 and covers (4, 4, 7, 5, 5): a bound above it
        // would be wrong.
        assert!(lp.bound() <= 25.0 + 1e-9);
    }
}
