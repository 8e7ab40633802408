// The signed-in screen: the section navigation (Files, Datasets, Conversations) and the
// chosen section, remembered between runs.
import { useState } from 'react';
import { sections, type Section } from '../../../shared/browse';
import { ConversationsSection } from '../conversations/ConversationsSection';
import { AssetSection } from './AssetSection';
import { loadLastSection, saveLastSection } from './preferences';
import './browse.css';

const labels: Record<Section, string> = { files: 'Files', datasets: 'Datasets', conversations: 'Conversations' };

export function BrowseScreen() {
  const [section, setSection] = useState<Section>(() => {
    const saved = loadLastSection();
    return sections.includes(saved as Section) ? (saved as Section) : 'files';
  });
  const choose = (next: Section) => {
    setSection(next);
    saveLastSection(next);
  };
  return (
    <div className="browse">
      <nav className="sidebar" aria-label="Sections">
        <ul>
          {sections.map((name) => (
            <li key={name}>
              <button type="button" aria-current={section === name ? 'page' : undefined} onClick={() => choose(name)}>
                {labels[name]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="section" aria-label={labels[section]}>
        {section === 'conversations' ? <ConversationsSection /> : <AssetSection key={section} section={section} />}
      </main>
    </div>
  );
}
