// What profile-edit.mjs and profile-load.mjs print of a CPU profile: totals by name, the top
// functions by self time, and this crate's functions by inclusive time.

const ms = (us) => (us / 1000).toFixed(1).padStart(8);

/** The `n` largest totals of a name → microseconds map, one per line. */
export const top = (totals, n) => [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([name, us]) => `${ms(us)} ms  ${name.slice(0, 140)}`).join('\n');

/** Prints the top functions of a CDP `Profiler.stop` profile by self and by inclusive time. */
export function printProfile(profile, selfCount = 30, oursCount = 30) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  const inclusive = new Map();
  const name = (node) => node.callFrame.functionName || '(anonymous)';
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i];
    self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = name(nodes.get(at));
      if (!seen.has(n)) {
        seen.add(n);
        inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
      }
    }
  });
  console.log('\nSELF\n' + top(self, selfCount));
  const ours = new Map([...inclusive].filter(([n]) => n.startsWith('support_ops')));
  console.log('\nINCLUSIVE, this crate\n' + top(ours, oursCount));
}
