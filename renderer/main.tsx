import { askEarly } from './early';
import './styles.css';
import './grid/grid.css';

const root = document.getElementById('root');
if (root) {
  // The page's first script is this small one: it asks main for what the first screen shows
  // while the app's own scripts (React, AG Grid, the screens) load and start.
  askEarly();
  const { start } = await import('./start');
  await start(root);
}
