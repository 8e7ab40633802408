// What an empty Files or Datasets list says: no matches for a search, or nothing here yet and
// how to add something.
export function EmptyState({ section, query }: { section: 'files' | 'datasets'; query: string }) {
  const noun = section === 'files' ? 'files' : 'datasets';
  if (query) {
    return (
      <div className="empty">
        <p>
          <strong>No {noun} match “{query}”.</strong>
        </p>
        <p className="muted">Try other words, or widen the scope to My organizations or All of Ouro.</p>
      </div>
    );
  }
  return (
    <div className="empty">
      <p>
        <strong>No {noun} here yet.</strong>
      </p>
      <p className="muted">
        {section === 'files'
          ? 'Drop files onto this window to upload them, or change the scope to see files shared with you.'
          : 'Drop a CSV file onto this window and choose “Upload as a dataset”, or change the scope to see shared datasets.'}
      </p>
    </div>
  );
}
