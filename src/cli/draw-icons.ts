/**
 * `npm run icons`: draws the Teams app icons into `appPackage/` (color.png,
 * 192×192, and outline.png, 32×32 white on transparent). The PNGs are
 * committed; a test fails when they no longer match the drawing code.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { drawColorIcon, drawOutlineIcon } from '../tooling/app-icons';

const dir = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'appPackage'));
writeFileSync(join(dir, 'color.png'), drawColorIcon());
writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
