// For page.addInitScript in the benchmark and the edit profiler: seeds local storage with one
// stored draft holding `planText`, as the app itself stores drafts (on a tab's first load only).
export const seedDraft = (planText) => {
  if (sessionStorage.getItem('bench-seeded')) return;
  sessionStorage.setItem('bench-seeded', '1');
  localStorage.setItem('support-ops.drafts', JSON.stringify({
    format: 1, last_open: 'bench',
    drafts: [{ id: 'bench', name: 'Benchmark plan', created: 1, updated: 1, revision: 1 }],
  }));
  localStorage.setItem('support-ops.draft.bench', planText);
};
