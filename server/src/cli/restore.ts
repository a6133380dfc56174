import { main } from './backup';

/** `restore.js <file>` (npm run restore): replaces the embedded database in DATA_DIR with a backup; the server must be stopped. */
main('restore');
