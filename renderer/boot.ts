import { askEarly } from './early';

// Imported first by main.tsx, so this runs before React, AG Grid and the screens start: the
// answers the first screen needs are on their way while they do.
askEarly();
