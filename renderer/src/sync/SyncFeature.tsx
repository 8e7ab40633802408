// Sync folders in the window: keeps the list current from main's events, and runs the add flow
// (main's folder dialog, or OURO_DESKTOP_PICK_FOLDER in the web host, then the destination
// sheet) whoever asked for it — the panel, the Uploads tray or File → Sync a Folder…. Mount once, while signed in.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { usePageCommand } from '../commands';
import { AddFolderSheet } from './AddFolderSheet';
import { applySyncDelta, syncKey, useAddSyncFolder } from './queries';
import { syncPanel, useSyncPanel } from './sync-panel-state';
import { SyncPanel } from './SyncPanel';
import './sync.css';

export function SyncFeature() {
  const queryClient = useQueryClient();
  const panel = useSyncPanel();
  const add = useAddSyncFolder();
  const [chosen, setChosen] = useState<{ handle: string; name: string; path: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useOuroEvent('sync:changed', (delta) => applySyncDelta(queryClient, delta));
  useOuroEvent('events:reconnected', () => void queryClient.invalidateQueries({ queryKey: syncKey }));
  useOuroEvent('sync:add-requested', () => syncPanel.add());
  // The command palette's "Sync a folder…".
  usePageCommand('sync-folder', () => syncPanel.add());

  const choose = useCallback(async () => {
    setProblem(null);
    try {
      const result = await call('sync:choose-folder');
      if (!result.supported) setProblem(new AppError({ kind: 'invalid-input', message: result.message }));
      else if (result.folder) setChosen(result.folder);
    } catch (error) {
      setProblem(error);
    }
  }, []);

  // Each add request (a counter, so the same request is never handled twice) opens the dialog once.
  const handled = useRef(panel.add);
  useEffect(() => {
    if (panel.add === handled.current) return;
    handled.current = panel.add;
    void choose();
  }, [panel.add, choose]);

  return (
    <>
      {panel.open && !chosen && <SyncPanel onAdd={() => void choose()} onClose={syncPanel.close} problem={problem} />}
      {chosen && (
        <AddFolderSheet
          folder={chosen}
          busy={add.isPending}
          error={add.error}
          onCancel={() => {
            add.reset();
            setChosen(null);
          }}
          onConfirm={(destination, existing) =>
            add.mutate(
              { handle: chosen.handle, destination, existing },
              {
                onSuccess: () => {
                  setChosen(null);
                  syncPanel.open();
                },
              },
            )
          }
        />
      )}
    </>
  );
}
