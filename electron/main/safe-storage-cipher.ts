import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/secrets/token-vault.ts';

/** The refresh token sealed by the OS keychain (DPAPI, Keychain, libsecret); refuses plaintext fallbacks. */
export function safeStorageCipher(): SecretCipher {
  return {
    kind: 'electron-safeStorage',
    encrypt: (plain) => {
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('OS encryption is unavailable; the session will not be remembered');
      return safeStorage.encryptString(plain);
    },
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
