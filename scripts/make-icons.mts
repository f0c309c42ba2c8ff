// Draws the app icons (public/icon-*.png, apple-touch-icon.png) from public/favicon.svg with
// Debian's Chromium: `npx tsx scripts/make-icons.mts`. Nothing is fetched; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../test/helpers/browser';

const svg = readFileSync('public/favicon.svg', 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** `inset` shrinks the drawing into the middle (maskable icons keep it in the safe zone). */
const icons = [
  { file: 'public/icon-192.png', size: 192, inset: 0, transparent: true },
  { file: 'public/icon-512.png', size: 512, inset: 0, transparent: true },
  { file: 'public/icon-maskable-512.png', size: 512, inset: 0.14, transparent: false },
  { file: 'public/apple-touch-icon.png', size: 180, inset: 0.08, transparent: false },
];

const browser = await launchBrowser();
for (const { file, size, inset, transparent } of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<html><body style="margin:0;width:${size}px;height:${size}px;background:${transparent ? 'transparent' : '#1f3a5f'}">` +
      `<img src="${dataUrl}" style="display:block;position:absolute;left:${pad}px;top:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body></html>`,
  );
  await page.waitForFunction(() => document.images[0]?.complete);
  await page.screenshot({ path: file, omitBackground: transparent });
  await page.close();
  console.log(`${file} ${size}x${size}`);
}
await browser.close();
