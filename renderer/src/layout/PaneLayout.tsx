// The window's panes: the sections sidebar, the list and the details, side by side with
// draggable (and keyboard-resizable) dividers whose sizes are remembered per section. Below
// 1000 px the details open as a drawer over the list's right side instead (the names stay in
// view and clickable), closed with its button or Esc.
import type { KeyboardEvent, ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { NARROW_QUERY, useMediaQuery } from './use-media-query';
import './layout.css';

export interface PaneLayoutProps {
  /** Names the saved sizes: one layout per section. */
  id: string;
  sidebar: ReactNode;
  list: ReactNode;
  /** Null when nothing is open. */
  details: ReactNode | null;
  /** The details' accessible name (they are a labelled complementary region). */
  detailsLabel: string;
  onCloseDetails(): void;
  /** Keep the details beside the list even when narrow (Conversations: the messages are the point). */
  detailsAlwaysBeside?: boolean;
}

function Divider({ label }: { label: string }) {
  return <Separator className="pane-divider" aria-label={label} />;
}

export function PaneLayout({ id, sidebar, list, details, detailsLabel, onCloseDetails, detailsAlwaysBeside }: PaneLayoutProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const beside = details !== null && (!narrow || detailsAlwaysBeside === true);
  const panelIds = beside ? [`${id}-sidebar`, `${id}-list`, `${id}-details`] : [`${id}-sidebar`, `${id}-list`];
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: `ouro.layout.${id}`, panelIds, storage: localStorage });
  const drawerOpen = details !== null && !beside;
  // Esc anywhere in the details closes them (a dialog inside, like the image viewer, handles its own first).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onCloseDetails();
    }
  };
  const hosted = details !== null && (
    <aside className="details-host" aria-label={detailsLabel} onKeyDown={onKeyDown}>
      {details}
    </aside>
  );

  return (
    <div className="pane-layout">
      <Group id={id} className="pane-group" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
        <Panel id={`${id}-sidebar`} className="pane pane-sidebar" defaultSize={176} minSize={156} maxSize={280} groupResizeBehavior="preserve-pixel-size">
          {sidebar}
        </Panel>
        <Divider label="Resize the sidebar" />
        <Panel id={`${id}-list`} className="pane pane-list" minSize={320}>
          {list}
        </Panel>
        {beside && (
          <>
            <Divider label="Resize the details" />
            <Panel id={`${id}-details`} className="pane pane-details" defaultSize={400} minSize={300} maxSize="60%" groupResizeBehavior="preserve-pixel-size">
              {hosted}
            </Panel>
          </>
        )}
      </Group>
      {/* Not modal: the list stays usable beside it, and the details follow its selection. */}
      {drawerOpen && <div className="drawer">{hosted}</div>}
    </div>
  );
}
