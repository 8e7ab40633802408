// The app's few icons, drawn inline (the CSP allows no remote images) in the current text colour.
// Decorative: each is aria-hidden, and the control it sits in carries the name.
import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const FilesIcon = () => (
  <Icon>
    <path d="M4 1.75h5l3.25 3.25v9.25H4z" />
    <path d="M9 1.75V5h3.25" />
  </Icon>
);
export const DatasetsIcon = () => (
  <Icon>
    <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
    <path d="M1.75 6.25h12.5M1.75 9.75h12.5M6 6.25v7" />
  </Icon>
);
export const ConversationsIcon = () => (
  <Icon>
    <path d="M2 3.5a1.5 1.5 0 0 1 1.5-1.5h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3.5 3v-3h0A1.5 1.5 0 0 1 2 9.5z" />
  </Icon>
);
export const SearchIcon = () => (
  <Icon size={14}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5 14 14" />
  </Icon>
);
export const FilterIcon = () => (
  <Icon size={14}>
    <path d="M2 3.5h12M4.5 8h7M7 12.5h2" />
  </Icon>
);
export const CloseIcon = () => (
  <Icon size={14}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);
export const BackIcon = () => (
  <Icon size={14}>
    <path d="M10 3 5 8l5 5" />
  </Icon>
);
export const ChevronIcon = ({ up = false }: { up?: boolean }) => (
  <Icon size={12}>
    <path d={up ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'} />
  </Icon>
);
export const UploadIcon = () => (
  <Icon size={14}>
    <path d="M8 11V2.5M4.5 6 8 2.5 11.5 6M2.5 11v2.5h11V11" />
  </Icon>
);
export const AlertIcon = () => (
  <Icon size={14}>
    <path d="M8 1.75 15 14H1z" />
    <path d="M8 6v3.5M8 11.75v.01" />
  </Icon>
);
export const ImageIcon = () => (
  <Icon size={24}>
    <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
    <circle cx="5.5" cy="6.25" r="1.25" />
    <path d="m2.5 12 3.5-3.5 2.5 2.5 2-2 3 3" />
  </Icon>
);
export const BellIcon = () => (
  <Icon>
    <path d="M4 11.25V7a4 4 0 0 1 8 0v4.25l1.25 1.25H2.75z" />
    <path d="M6.5 14h3" />
  </Icon>
);
