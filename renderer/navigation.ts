/** The navigation, in order. Each feature registers its screen in screens.tsx. */
export const SCREENS = [
  'ties',
  'letters',
  'approvals',
  'visits',
  'pipeline',
  'followups',
  'reports',
  'places',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

/** Where the window remembers the screen it showed last. */
export const SCREEN_KEY = 'youcheng.screen';

/** The screen the window opens on: the one it showed last, else Ties. */
export function initialScreen(): Screen {
  const saved = localStorage.getItem(SCREEN_KEY);
  return (SCREENS as readonly string[]).includes(saved ?? '') ? (saved as Screen) : 'ties';
}
