import { resolve } from 'node:path';

/** The project root: content/, dialogs/, test/ and package.json live here (code runs from src/ or dist/). */
export const PROJECT_ROOT = resolve(__dirname, '..');
