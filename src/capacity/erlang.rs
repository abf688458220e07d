//! Erlang C queueing for live channels: the chance a contact waits, service level, average speed
//! of answer, occupancy, and the fewest agents meeting a service-level and occupancy target.

/// One live interval's demand and targets. Times are in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiveDemand {
    /// Contacts arriving in the interval.
    pub contacts: f64,
    /// Interval length in seconds (1800 for half an hour).
    pub interval_seconds: f64,
    /// Average handle time of one contact, seconds.
    pub handle_seconds: f64,
    /// Answer within this many seconds …
    pub answer_within_seconds: f64,
    /// … for this fraction of contacts (0.8 = 80 %).
    pub service_level: f64,
    /// Highest acceptable occupancy (0.85 = 85 %).
    pub max_occupancy: f64,
}

/// What a number of agents achieves on a demand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Staffing {
    pub agents: u32,
    /// Offered load in Erlangs.
    pub traffic: f64,
    /// Probability a contact has to wait at all.
    pub wait_probability: f64,
    /// Fraction answered within the target.
    pub service_level: f64,
    /// Average speed of answer, seconds.
    pub average_speed_of_answer: f64,
    pub occupancy: f64,
    /// The search stopped at `MAX_AGENTS` without meeting the targets: these figures are not a plan.
    pub capped: bool,
}

/// Erlang B blocking probability, by the stable recurrence B(n) = A·B(n−1) / (n + A·B(n−1)).
pub fn erlang_b(traffic: f64, agents: u32) -> f64 {
    let mut blocking = 1.0;
    for n in 1..=agents {
        let carried = traffic * blocking;
        blocking = carried / (f64::from(n) + carried);
    }
    blocking
}

/// Erlang C: the probability a contact waits, C = N·B / (N − A·(1 − B)); 1 when N ≤ A.
pub fn erlang_c(traffic: f64, agents: u32) -> f64 {
    let n = f64::from(agents);
    if traffic <= 0.0 {
        return 0.0;
    }
    if n <= traffic {
        return 1.0;
    }
    let b = erlang_b(traffic, agents);
    (n * b / (n - traffic * (1.0 - b))).clamp(0.0, 1.0)
}

impl LiveDemand {
    /// Offered load in Erlangs: contacts × handle time / interval.
    pub fn traffic(&self) -> f64 {
        if self.interval_seconds <= 0.0 {
            return 0.0;
        }
        self.contacts * self.handle_seconds / self.interval_seconds
    }

    /// What `agents` achieve: P(wait ≤ t) = 1 − C·e^(−(N−A)·t/AHT), ASA = C·AHT/(N−A), occupancy A/N.
    pub fn with_agents(&self, agents: u32) -> Staffing {
        self.achieved(agents, erlang_b(self.traffic(), agents))
    }

    /// What `agents` achieve, given Erlang B for them (`blocking`).
    fn achieved(&self, agents: u32, blocking: f64) -> Staffing {
        let traffic = self.traffic();
        let n = f64::from(agents);
        let wait_probability = if traffic <= 0.0 {
            0.0
        } else if n <= traffic {
            1.0
        } else {
            (n * blocking / (n - traffic * (1.0 - blocking))).clamp(0.0, 1.0)
        };
        let (service_level, average_speed_of_answer) = if traffic <= 0.0 {
            (1.0, 0.0)
        } else if n <= traffic {
            (0.0, f64::INFINITY)
        } else {
            let slack = n - traffic;
            let within = -slack * self.answer_within_seconds / self.handle_seconds;
            (
                1.0 - wait_probability * within.exp(),
                wait_probability * self.handle_seconds / slack,
            )
        };
        Staffing {
            agents,
            traffic,
            wait_probability,
            service_level,
            average_speed_of_answer,
            occupancy: if agents == 0 { 0.0 } else { traffic / n },
            capped: false,
        }
    }

    /// The fewest agents meeting both the service level and the occupancy ceiling.
    /// Bounded: a load no team could carry (or a target no team could meet) stops at
    /// `MAX_AGENTS` with `capped` set, instead of searching forever or passing off a tiny
    /// service level as a plan, so a typo in the plan never hangs the app.
    pub fn required(&self) -> Staffing {
        self.search().0
    }

    /// `required`, with the number of Erlang B recurrence steps it took (the search's work).
    ///
    /// Service level only grows with agents, so the answer is the first head-count from the
    /// floor up that meets the targets. Erlang B for N agents is one recurrence step from N − 1,
    /// so walking up once costs one step per agent: linear in the answer, at most `MAX_AGENTS`.
    pub fn search(&self) -> (Staffing, u32) {
        let traffic = self.traffic();
        // NaN comes from a nonsensical plan; treat it like no load.
        if traffic.is_nan() || traffic <= 0.0 {
            return (self.with_agents(0), 0);
        }
        let capped = |agents| Staffing {
            capped: true,
            ..self.with_agents(agents)
        };
        if traffic >= f64::from(MAX_AGENTS) {
            return (capped(MAX_AGENTS), 0);
        }
        let ceiling = if self.max_occupancy.is_nan() {
            1.0
        } else {
            self.max_occupancy.clamp(0.01, 1.0)
        };
        let target = if self.service_level.is_nan() {
            0.0
        } else {
            self.service_level.clamp(0.0, 0.999_999)
        };
        // Never fewer than the occupancy ceiling allows, never fewer than the load itself.
        let floor = (traffic / ceiling).ceil().min(f64::from(MAX_AGENTS)) as u32;
        let floor = floor.max(traffic.floor() as u32 + 1);
        let mut blocking = 1.0;
        for agents in 1..=MAX_AGENTS {
            let carried = traffic * blocking;
            blocking = carried / (f64::from(agents) + carried);
            if agents < floor {
                continue;
            }
            let staffing = self.achieved(agents, blocking);
            if staffing.service_level + 1e-12 >= target && staffing.occupancy <= ceiling + 1e-12 {
                return (staffing, agents);
            }
        }
        (capped(MAX_AGENTS), MAX_AGENTS)
    }
}

/// The most agents the maths will ever ask for in one interval (far beyond any real team).
pub const MAX_AGENTS: u32 = 100_000;

/// Agents to schedule so that `on_duty` are actually available after shrinkage (0.3 = 30 %).
pub fn scheduled(on_duty: f64, shrinkage: f64) -> u32 {
    let available = (1.0 - shrinkage).clamp(0.05, 1.0);
    (on_duty / available - 1e-9).ceil().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #11: a valid but extreme demand (about 14,000 Erlangs, a 100 % service level, 100 %
    /// occupancy allowed) took minutes, because each candidate head-count recomputed Erlang B
    /// from one agent up. The search walks the recurrence once: its work is the answer itself.
    #[test]
    fn an_extreme_demand_is_searched_in_one_pass() {
        let extreme = LiveDemand {
            contacts: 84_000.0,
            interval_seconds: 3600.0,
            handle_seconds: 600.0,
            answer_within_seconds: 20.0,
            service_level: 1.0,
            max_occupancy: 1.0,
        };
        let (staffing, steps) = extreme.search();
        assert!((staffing.traffic - 14_000.0).abs() < 1e-6);
        assert!(!staffing.capped, "{staffing:?}");
        assert!(staffing.service_level >= 0.999_999, "{staffing:?}");
        // One Erlang B step per agent up to the answer, and no more.
        assert_eq!(steps, staffing.agents);
        // It is the fewest: one agent less misses the target.
        assert!(extreme.with_agents(staffing.agents - 1).service_level < 0.999_999);
    }

    /// A load beyond the cap is not answered with a tiny service level as if that were a plan:
    /// the result says the cap was reached.
    #[test]
    fn reaching_the_cap_is_said() {
        let beyond = LiveDemand {
            contacts: 1e12,
            ..reference()
        };
        assert!(beyond.required().capped);
        assert!(!reference().required().capped);
    }

    #[test]
    fn impossible_inputs_end_instead_of_hanging() {
        let huge = LiveDemand {
            contacts: 1e12,
            ..reference()
        };
        assert_eq!(huge.required().agents, MAX_AGENTS);
        let unreachable = LiveDemand {
            service_level: 1.5,
            ..reference()
        };
        assert!(unreachable.required().agents < MAX_AGENTS);
        let nonsense = LiveDemand {
            contacts: f64::NAN,
            ..reference()
        };
        assert_eq!(nonsense.required().agents, 0);
    }

    fn reference() -> LiveDemand {
        LiveDemand {
            contacts: 100.0,
            interval_seconds: 1800.0,
            handle_seconds: 180.0,
            answer_within_seconds: 20.0,
            service_level: 0.8,
            max_occupancy: 0.85,
        }
    }

    /// The worked example published calculators give: 100 calls per half hour, 180 s handle time,
    /// 80 % in 20 s, 85 % occupancy ceiling, 30 % shrinkage.
    #[test]
    fn matches_the_published_reference() {
        let staffing = reference().required();
        assert!((staffing.traffic - 10.0).abs() < 1e-12);
        assert_eq!(staffing.agents, 14);
        assert!(
            (staffing.service_level - 0.888).abs() < 0.0005,
            "{staffing:?}"
        );
        assert!(
            (staffing.average_speed_of_answer - 7.8).abs() < 0.05,
            "{staffing:?}"
        );
        assert!((staffing.occupancy - 0.714).abs() < 0.0005);
        assert_eq!(scheduled(f64::from(staffing.agents), 0.30), 20);
        // 13 agents fall short (about 79 %), which is why 14 is the answer.
        assert!(reference().with_agents(13).service_level < 0.8);
    }

    #[test]
    fn erlang_b_matches_small_cases_by_hand() {
        // B(1, A) = A / (1 + A); B(2, A) = (A²/2) / (1 + A + A²/2).
        assert!((erlang_b(2.0, 1) - 2.0 / 3.0).abs() < 1e-12);
        assert!((erlang_b(2.0, 2) - 2.0 / 5.0).abs() < 1e-12);
        // C(1, A) = A for A < 1 (M/M/1 wait probability is the utilisation).
        assert!((erlang_c(0.5, 1) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn large_centres_stay_finite_and_sane() {
        for agents in [101, 105, 110, 120, 200, 500] {
            let c = erlang_c(100.0, agents);
            assert!(c.is_finite() && (0.0..=1.0).contains(&c), "{agents}: {c}");
        }
        // Halfin–Whitt: with β = (N − A)/√A = 0.1, C ≈ 1 / (1 + β·Φ(β)/φ(β)) ≈ 0.88.
        let c = erlang_c(100.0, 101);
        assert!((0.85..0.92).contains(&c), "{c}");
        assert!(erlang_c(100.0, 110) < c && erlang_c(100.0, 120) < erlang_c(100.0, 110));
        assert!(erlang_c(100.0, 500) < 1e-12);
        let big = LiveDemand {
            contacts: 2000.0,
            ..reference()
        };
        let staffing = big.required();
        assert!(
            staffing.agents > 200 && staffing.agents < 260,
            "{staffing:?}"
        );
    }

    #[test]
    fn more_agents_never_make_service_worse() {
        let demand = reference();
        let mut last = demand.with_agents(11);
        for agents in 12..40 {
            let next = demand.with_agents(agents);
            assert!(next.service_level >= last.service_level);
            assert!(next.average_speed_of_answer <= last.average_speed_of_answer);
            assert!(next.wait_probability <= last.wait_probability);
            last = next;
        }
        assert!(last.service_level > 0.999);
    }

    #[test]
    fn the_occupancy_ceiling_can_decide() {
        // A generous answer target: service level alone would need 11 agents; 85 % occupancy
        // of 10 Erlangs needs ceil(10 / 0.85) = 12.
        let lax = LiveDemand {
            answer_within_seconds: 3600.0,
            ..reference()
        };
        assert_eq!(lax.required().agents, 12);
    }
}
