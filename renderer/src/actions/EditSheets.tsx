// The edit sheets: Rename… and Edit Details… (one text field each) and Move To… (a team, with
// the teams that refuse the app's assets shown disabled and why).
import { useEffect, useId, useRef, useState } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { MAX_DESCRIPTION_CHARS } from '../../../shared/actions';
import { useDestinations } from '../queries/destinations';
import { Sheet } from './Sheet';

export function RenameSheet({ row, onSave, onCancel }: { row: AssetRow; onSave(name: string): void; onCancel(): void }) {
  const [name, setName] = useState(row.name);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // As in a file manager: the name is selected without its extension.
  useEffect(() => {
    const dot = row.name.lastIndexOf('.');
    if (dot > 0) input.current?.setSelectionRange(0, dot);
  }, [row.name]);
  const trimmed = name.trim();
  const problem = trimmed === '' ? 'A name cannot be empty.' : trimmed.length > 255 ? 'Names are at most 255 characters.' : null;
  const save = () => {
    if (!problem) onSave(trimmed);
  };
  return (
    <Sheet title={`Rename “${row.name}”`} onCancel={onCancel} onSubmit={save} footer={<SheetButtons label="Rename" disabled={!!problem || trimmed === row.name} onCancel={onCancel} />}>
      <div className="form-field">
        <label htmlFor={id}>Name</label>
        <input ref={input} id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!problem} aria-describedby={problem ? `${id}-problem` : undefined} spellCheck={false} />
        {problem && <p id={`${id}-problem`} className="field-problem">{problem}</p>}
      </div>
    </Sheet>
  );
}

export function DescriptionSheet({ row, initial, onSave, onCancel }: { row: AssetRow; initial: string; onSave(text: string): void; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const id = useId();
  return (
    <Sheet title={`Edit details of “${row.name}”`} onCancel={onCancel} onSubmit={() => onSave(text.trim())} wide footer={<SheetButtons label="Save" disabled={text.trim() === initial.trim()} onCancel={onCancel} />}>
      <div className="form-field">
        <label htmlFor={id}>Description</label>
        <textarea id={id} rows={6} value={text} maxLength={MAX_DESCRIPTION_CHARS} onChange={(e) => setText(e.target.value)} />
        <p className="muted small">Plain text; each line becomes a paragraph on Ouro. Leave it empty to clear it.</p>
      </div>
    </Sheet>
  );
}

export function MoveSheet({ rows, onMove, onCancel }: { rows: AssetRow[]; onMove(target: { orgId: string; teamId: string; teamName: string }): void; onCancel(): void }) {
  const destinations = useDestinations();
  const [choice, setChoice] = useState<{ orgId: string; teamId: string; teamName: string } | null>(null);
  const name = rows.length === 1 ? `“${rows[0]?.name ?? ''}”` : `${rows.length} items`;
  const current = new Set(rows.map((r) => r.teamId));
  const orgs = destinations.data?.organizations.filter((o) => o.teams.length > 0) ?? [];
  return (
    <Sheet title={`Move ${name} to…`} onCancel={onCancel} onSubmit={() => choice && onMove(choice)} wide footer={<SheetButtons label="Move" disabled={!choice} onCancel={onCancel} />}>
      {destinations.isPending && <p role="status">Loading teams…</p>}
      {destinations.isSuccess && orgs.length === 0 && <p>You are not in any team yet.</p>}
      <div className="move-orgs">
        {orgs.map((org) => (
          <fieldset key={org.id} className="move-org">
            <legend>{org.name}</legend>
            {org.teams.map((team) => {
              const reason = team.disabledReason ?? (current.size === 1 && current.has(team.id) ? 'Already here.' : null);
              const reasonId = `move-reason-${team.id}`;
              return (
                <label key={team.id} className={`move-team${reason ? ' disabled' : ''}`}>
                  <input
                    type="radio"
                    name="move-team"
                    value={team.id}
                    disabled={!!reason}
                    checked={choice?.teamId === team.id}
                    onChange={() => setChoice({ orgId: org.id, teamId: team.id, teamName: team.name })}
                    aria-describedby={reason ? reasonId : undefined}
                  />
                  <span>{team.name}</span>
                  {reason && (
                    <span id={reasonId} className="muted small move-reason">
                      {reason}
                    </span>
                  )}
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
    </Sheet>
  );
}

export function SheetButtons({ label, disabled, onCancel, danger, busy }: { label: string; disabled?: boolean; onCancel(): void; danger?: boolean; busy?: boolean }) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`primary${danger ? ' danger' : ''}`} disabled={disabled || busy}>
        {busy ? `${label}…` : label}
      </button>
    </>
  );
}
