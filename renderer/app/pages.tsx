import type { ReactNode } from 'react';
import type { UserProfile } from '../../shared/domain/user.ts';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage.tsx';
import { AttendancePage } from '../features/attendance/AttendancePage.tsx';
import { ChatPage } from '../features/chat/ChatPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { LauncherPage } from '../features/launcher/LauncherPage.tsx';
import { NoticesPage } from '../features/notices/NoticesPage.tsx';
import { PeoplePage } from '../features/presence/PeoplePage.tsx';
import type { PageKey } from './navigation.tsx';

export interface PageContext {
  user: UserProfile;
  open: (page: PageKey) => void;
}

/** A page of the sidebar: its icon and what it shows (its label is `nav.<key>` in the catalogs). */
export interface PageEntry {
  icon: string;
  render: (context: PageContext) => ReactNode;
}

/** The one list of the window's pages, in the sidebar's order (`pageKeys`); a page without an entry fails to compile. */
export const pages: Record<PageKey, PageEntry> = {
  home: { icon: '⌂', render: ({ user, open }) => <HomePage user={user} onOpen={open} /> },
  approvals: { icon: '✓', render: ({ user }) => <ApprovalsPage user={user} /> },
  notices: { icon: '✉', render: () => <NoticesPage /> },
  attendance: { icon: '◷', render: () => <AttendancePage /> },
  chat: { icon: '☏', render: ({ user }) => <ChatPage me={user.id} /> },
  people: { icon: '☺', render: ({ user }) => <PeoplePage me={user.id} /> },
  launcher: { icon: '▦', render: () => <LauncherPage /> },
};
