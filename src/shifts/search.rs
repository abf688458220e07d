//! The search for a whole-person plan of a covering problem: how many people on each column
//! (a shift template worked on a set of weekdays) so that every row (a quarter-hour of the week)
//! has at least its need, at the fewest paid minutes. It starts from the rounded-down
//! relaxation repaired greedily, then improves by taking people away and repairing, keeping the
//! best plan found. It runs in steps, so a caller can stream its progress and stop it.

use super::lp::CoverLp;

/// A covering problem in rows and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    /// People needed per row.
    pub need: Vec<u32>,
    /// The rows each column covers (no row twice).
    pub covers: Vec<Vec<u32>>,
    /// Paid minutes of one person on each column, above zero.
    pub cost: Vec<u32>,
}

/// Where a search stands: its best plan so far and what no plan can beat.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Work done: simplex pivots plus improvement moves.
    pub steps: u64,
    /// People per column of the best plan so far.
    pub best: Vec<u32>,
    pub best_paid_minutes: u64,
    /// No plan pays fewer minutes than this (rounded up to what columns can add up to).
    pub bound_paid_minutes: u64,
    /// No plan has fewer people than this.
    pub bound_people: u32,
    /// Both relaxations are solved, so the bounds are final.
    pub bounds_final: bool,
    /// The best plan meets the bound: nothing cheaper exists.
    pub proven_optimal: bool,
}

impl Progress {
    pub fn people(&self) -> u32 {
        self.best.iter().sum()
    }
}

/// A search in progress. `step` it until `done`, or as long as the caller likes.
pub struct Search {
    cover: Cover,
    row_columns: Vec<Vec<u32>>,
    paid: CoverLp,
    heads: CoverLp,
    unit: u64,
    current: Plan,
    best: Plan,
    seeded_from_relaxation: bool,
    steps: u64,
    stale: u32,
    random: u64,
}

/// A whole-person plan and how it covers the rows.
#[derive(Clone, Debug)]
struct Plan {
    people: Vec<u32>,
    on: Vec<u32>,
    paid: u64,
}

impl Search {
    pub fn new(cover: Cover) -> Search {
        let mut row_columns = vec![Vec::new(); cover.need.len()];
        for (j, rows) in cover.covers.iter().enumerate() {
            for &i in rows {
                row_columns[i as usize].push(j as u32);
            }
        }
        let paid_cost: Vec<f64> = cover.cost.iter().map(|&c| f64::from(c)).collect();
        let paid = CoverLp::new(&cover.need, &cover.covers, &paid_cost);
        let heads = CoverLp::new(&cover.need, &cover.covers, &vec![1.0; cover.cost.len()]);
        let unit = cover
            .cost
            .iter()
            .fold(0u64, |g, &c| gcd(g, u64::from(c)))
            .max(1);
        let mut current = Plan::empty(&cover);
        current.repair(&cover, &row_columns);
        current.prune(&cover);
        Search {
            best: current.clone(),
            current,
            cover,
            row_columns,
            paid,
            heads,
            unit,
            seeded_from_relaxation: false,
            steps: 0,
            stale: 0,
            random: 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// Does up to `work` steps (a simplex pivot or an improvement move each).
    pub fn step(&mut self, work: u32) -> Progress {
        for _ in 0..work {
            if self.done() {
                break;
            }
            self.steps += 1;
            if !self.paid.is_optimal() {
                self.paid.step();
            } else if !self.heads.is_optimal() {
                self.heads.step();
            } else if !self.seeded_from_relaxation {
                self.seed_from_relaxation();
            } else {
                self.improve();
            }
        }
        self.progress()
    }

    /// Whether the best plan is proven cheapest (nothing left to search).
    pub fn done(&self) -> bool {
        self.paid.is_optimal() && self.heads.is_optimal() && self.best.paid <= self.bound_paid()
    }

    fn bound_paid(&self) -> u64 {
        let bound = self.paid.bound().max(0.0) / self.unit as f64;
        // Whole multiples of the columns' common unit; the small slack absorbs rounding.
        (bound - 1e-6).ceil().max(0.0) as u64 * self.unit
    }

    pub fn progress(&self) -> Progress {
        let bound_paid_minutes = self.bound_paid().min(self.best.paid);
        let bound_people =
            ((self.heads.bound() - 1e-6).ceil().max(0.0) as u32).min(self.best.people.iter().sum());
        Progress {
            steps: self.steps,
            best: self.best.people.clone(),
            best_paid_minutes: self.best.paid,
            bound_paid_minutes,
            bound_people,
            bounds_final: self.paid.is_optimal() && self.heads.is_optimal(),
            proven_optimal: self.paid.is_optimal() && self.best.paid <= bound_paid_minutes,
        }
    }

    /// The relaxation's plan rounded down, then repaired: usually within a person or two of it.
    fn seed_from_relaxation(&mut self) {
        self.seeded_from_relaxation = true;
        let mut plan = Plan::empty(&self.cover);
        for (j, x) in self.paid.primal().into_iter().enumerate() {
            plan.add(&self.cover, j, (x + 1e-6).floor() as u32);
        }
        plan.repair(&self.cover, &self.row_columns);
        plan.prune(&self.cover);
        self.offer(plan);
    }

    /// One move: take one to three people off, repair, prune; keep it unless it costs more.
    fn improve(&mut self) {
        if self.stale > 200 {
            self.current = self.best.clone();
            self.stale = 0;
        }
        let mut plan = self.current.clone();
        let staffed: Vec<usize> = (0..plan.people.len())
            .filter(|&j| plan.people[j] > 0)
            .collect();
        if staffed.is_empty() {
            return;
        }
        let removals = 1 + self.next_random() % 3;
        for _ in 0..removals {
            let j = staffed[(self.next_random() % staffed.len() as u64) as usize];
            if plan.people[j] > 0 {
                plan.remove(&self.cover, j, 1);
            }
        }
        plan.repair(&self.cover, &self.row_columns);
        plan.prune(&self.cover);
        if plan.paid <= self.current.paid {
            self.current = plan.clone();
        }
        self.offer(plan);
    }

    fn offer(&mut self, plan: Plan) {
        if plan.paid < self.best.paid {
            self.best = plan;
            self.stale = 0;
        } else {
            self.stale += 1;
        }
    }

    fn next_random(&mut self) -> u64 {
        // xorshift64: the same search every run, so results are reproducible.
        let mut x = self.random;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.random = x;
        x
    }
}

impl Plan {
    fn empty(cover: &Cover) -> Plan {
        Plan {
            people: vec![0; cover.covers.len()],
            on: vec![0; cover.need.len()],
            paid: 0,
        }
    }

    fn add(&mut self, cover: &Cover, column: usize, count: u32) {
        self.people[column] += count;
        self.paid += u64::from(count) * u64::from(cover.cost[column]);
        for &i in &cover.covers[column] {
            self.on[i as usize] += count;
        }
    }

    fn remove(&mut self, cover: &Cover, column: usize, count: u32) {
        self.people[column] -= count;
        self.paid -= u64::from(count) * u64::from(cover.cost[column]);
        for &i in &cover.covers[column] {
            self.on[i as usize] -= count;
        }
    }

    /// Adds people where rows fall short: each time the column covering the most short rows
    /// per paid minute, as many people as the smallest shortfall among those rows.
    fn repair(&mut self, cover: &Cover, row_columns: &[Vec<u32>]) {
        loop {
            let short: Vec<usize> = (0..cover.need.len())
                .filter(|&i| self.on[i] < cover.need[i])
                .collect();
            if short.is_empty() {
                return;
            }
            let mut gain = vec![0u32; cover.covers.len()];
            for &i in &short {
                for &j in &row_columns[i] {
                    gain[j as usize] += 1;
                }
            }
            let Some(best) = (0..gain.len()).filter(|&j| gain[j] > 0).max_by(|&a, &b| {
                let score = |j: usize| f64::from(gain[j]) / f64::from(cover.cost[j]);
                score(a).total_cmp(&score(b)).then(b.cmp(&a))
            }) else {
                // A row no column covers: the caller leaves those out.
                return;
            };
            let count = cover.covers[best]
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| self.on[i] < cover.need[i])
                .map(|i| cover.need[i] - self.on[i])
                .min()
                .unwrap_or(1)
                .max(1);
            self.add(cover, best, count);
        }
    }

    /// Takes off people nobody would miss, the dearest columns first.
    fn prune(&mut self, cover: &Cover) {
        let mut order: Vec<usize> = (0..self.people.len())
            .filter(|&j| self.people[j] > 0)
            .collect();
        order.sort_by_key(|&j| std::cmp::Reverse(cover.cost[j]));
        for j in order {
            let spare = cover.covers[j]
                .iter()
                .map(|&i| self.on[i as usize] - cover.need[i as usize].min(self.on[i as usize]))
                .min()
                .unwrap_or(self.people[j])
                .min(self.people[j]);
            if spare > 0 {
                self.remove(cover, j, spare);
            }
        }
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Searches until the plan is proven cheapest, `budget` steps are spent, or `keep_going` (asked
/// every `report_every` steps with the progress so far) says stop.
pub fn search(
    cover: Cover,
    budget: u64,
    report_every: u32,
    keep_going: &mut dyn FnMut(&Progress) -> bool,
) -> Progress {
    let mut search = Search::new(cover);
    let mut progress = search.progress();
    while !search.done() && progress.steps < budget {
        let chunk = u64::from(report_every.max(1)).min(budget - progress.steps) as u32;
        progress = search.step(chunk);
        if !keep_going(&progress) {
            break;
        }
    }
    progress
}
