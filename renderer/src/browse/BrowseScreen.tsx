// The signed-in screen: the sections sidebar (Files, Datasets, Conversations) and the chosen
// section in resizable panes, remembered between runs.
import { useState, type JSX } from 'react';
import { sections, type Section } from '../../../shared/browse';
import { ConversationsIcon, DatasetsIcon, FilesIcon } from '../components/icons';
import { ConversationsSection } from '../conversations/ConversationsSection';
import { SyncSidebarButton } from '../sync/SyncSidebarButton';
import { AssetSection } from './AssetSection';
import { loadLastSection, saveLastSection } from './preferences';
import './browse.css';

const labels: Record<Section, string> = { files: 'Files', datasets: 'Datasets', conversations: 'Conversations' };
const icons: Record<Section, () => JSX.Element> = { files: FilesIcon, datasets: DatasetsIcon, conversations: ConversationsIcon };

function Sidebar({ section, onChoose }: { section: Section; onChoose(section: Section): void }) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <ul>
        {sections.map((name) => {
          const Icon = icons[name];
          return (
            <li key={name}>
              <button type="button" aria-current={section === name ? 'page' : undefined} onClick={() => onChoose(name)}>
                <Icon />
                <span>{labels[name]}</span>
              </button>
            </li>
          );
        })}
        <li className="sidebar-sync">
          <SyncSidebarButton />
        </li>
      </ul>
    </nav>
  );
}

export function BrowseScreen() {
  const [section, setSection] = useState<Section>(() => {
    const saved = loadLastSection();
    return sections.includes(saved as Section) ? (saved as Section) : 'files';
  });
  const choose = (next: Section) => {
    setSection(next);
    saveLastSection(next);
  };
  const sidebar = <Sidebar section={section} onChoose={choose} />;
  return (
    <div className="browse">
      {section === 'conversations' ? <ConversationsSection sidebar={sidebar} /> : <AssetSection key={section} section={section} sidebar={sidebar} />}
    </div>
  );
}
