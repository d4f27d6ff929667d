import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's config directory for qlikit: QLIKIT_CONFIG_DIR when set, else the
 * platform's place for settings (XDG_CONFIG_HOME or ~/.config on Linux,
 * ~/Library/Application Support on macOS, %APPDATA% on Windows).
 */
export function configDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.QLIKIT_CONFIG_DIR) return env.QLIKIT_CONFIG_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'qlikit');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'qlikit');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'qlikit');
}
