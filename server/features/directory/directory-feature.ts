import { clientAddress } from '../../gateway/client-address.ts';
import { defineFeature } from '../server-feature.ts';
import type { DirectoryAdmin } from './directory-admin.ts';
import { addDirectoryRoutes } from './directory-routes.ts';
import type { DirectoryStore } from './directory-store.ts';
import { peopleWithPinyin } from './people-pinyin.ts';

/** The organisation: people and departments for everyone, accounts for HR, the audit for admins. */
export function directoryFeature(deps: { directory: DirectoryStore; admin: DirectoryAdmin; trustProxy: boolean }) {
  const { directory, admin } = deps;
  return defineFeature({
    name: 'directory',
    methods: {
      'directory.people': () => peopleWithPinyin(directory.people()),
      'directory.departments': () => directory.departments(),
    },
    addRoutes(routes, access) {
      addDirectoryRoutes(routes, {
        admin,
        directory,
        authenticateHr: access.roles(['hr', 'admin'], 'only HR and admins manage accounts'),
        authenticateAdmin: access.roles(['admin'], 'only admins read the account audit'),
        clientAddress: (req) => clientAddress(req, deps.trustProxy),
      });
    },
    personalData: async (userId) => ({
      profile: directory.profile(userId),
      roles: directory.roles(userId),
      position: directory.orgPosition(userId),
      accountHistory: await admin.auditOf(userId),
    }),
  });
}
