// Laifaxin's file host (the guides' screenshots, the footer's QR code) can't be reached from
// build or test machines: browser tests and the look-at-it script answer its requests with a
// stand-in image instead, a desktop-sized and a phone-sized one in turn, and count them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { IMAGE_HOST } from '../../registry/screenshots';

export const standIns = {
  desktop: join(__dirname, '..', 'fixtures', 'stand-in-desktop.png'),
  phone: join(__dirname, '..', 'fixtures', 'stand-in-phone.png'),
};

/** Serves `files` (PNGs, in turn) for every request to the image host; returns the URLs requested so far. */
export async function serveStandInImages(target: Page | BrowserContext, files: string[] = [standIns.desktop, standIns.phone]): Promise<string[]> {
  const bodies = files.map((file) => readFileSync(file));
  const requested: string[] = [];
  await target.route(`${IMAGE_HOST}/**`, (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: bodies[(requested.length - 1) % bodies.length] });
  });
  return requested;
}
