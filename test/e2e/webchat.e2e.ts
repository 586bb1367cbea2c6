/**
 * The local chat page in a real browser (Debian's Chromium, driven by
 * playwright-core; no browser is ever downloaded) against the real server:
 * the welcome, a typed question answered with its card and source, a tree
 * walked to an outcome by clicking, back and start over, a case note copied, Talk to someone, the supervisor's view, the emergency reply
 * first (typed, and raised by a walk-through's answer), keyboard-only use, contrast, title and language; no request fails
 * and no message fails to send. A screenshot of the final page is saved.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestBot, type TestBot } from '../support/bot';

// What the page-side functions below use of the DOM (the project's types are Node's, not the browser's).
declare const document: { activeElement: { id: string } | null; querySelector(selector: string): unknown };
declare function getComputedStyle(element: unknown): { color: string; backgroundColor: string };
type Element = { parentElement: Element | null };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without these, Chromium reaches for Google's services at start-up, which this machine's closed network refuses.
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let bot: TestBot;
let browser: Browser;
let page: Page;
const failedRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (see .ci/run)`);
  bot = await startTestBot();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 420, height: 860 } });
  page.on('requestfailed', (request) => failedRequests.push(`${request.method()} ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(bot.url);
});

afterAll(async () => {
  if (page) {
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'webchat.png'), fullPage: true });
  }
  await browser?.close();
  await bot?.close();
});

/** The transcript's text; Web Chat repeats messages for screen readers, so search the whole of it. */
const transcript = () => page.locator('#webchat');
const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');

async function say(text: string): Promise<void> {
  await sendBox().fill(text);
  await sendBox().press('Enter');
}

/** A button on the latest Adaptive Card with this label (labels are numbered: "2. No"). */
function cardButton(label: RegExp) {
  return page.locator('.ac-adaptiveCard').last().getByRole('button', { name: label });
}

describe('the local chat page', () => {
  it('has a proper title and language, the privacy note and Start over', async () => {
    expect(await page.title()).toBe('Waypoint: local chat');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await expect.poll(() => page.getByText(/do not type clients' names or details/i).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#start-over').count()).toBe(1);
  });

  it('shows the welcome on load', async () => {
    await expect.poll(() => transcript().innerText(), { timeout: 15_000 }).toMatch(/Welcome to Waypoint/);
  });

  it('answers a typed question with the right card and its source', async () => {
    await say('what is marac');
    await expect.poll(() => transcript().innerText(), { timeout: 15_000 }).toMatch(/MARAC: when to refer and what it does/);
    await expect.poll(() => transcript().innerText()).toMatch(/From: .*MARAC/);
  });

  it('walks a tree to an outcome by clicking its buttons, with back and start over working', async () => {
    await say('report on 101');
    await expect.poll(() => transcript().innerText(), { timeout: 15_000 }).toMatch(/Making a third party report on 101/i);
    // First step: is anyone in danger now? Answer no, go on, then back. Each step waits for the
    // card its action brings, never reading the one already on screen.
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/danger/i);
    const afterFirst = await newCardAfter(() => cardButton(/^\d+\. No/).first().click());
    expect(afterFirst).not.toMatch(/Is anyone in immediate danger/i);
    const backAgain = await newCardAfter(() => say('back'));
    expect(backAgain).toMatch(/Is anyone in immediate danger/i);
    expect(await newCardAfter(() => cardButton(/^\d+\. No/).first().click())).toBe(afterFirst);
    // Click the first option at each step until an outcome asks "Was this helpful?".
    for (let step = 0; step < 10 && !/Was this helpful\?/.test(await lastCardText()); step += 1) {
      const before = await lastCardText();
      await cardButton(/^1\. /).first().click();
      await expect.poll(lastCardText, { timeout: 15_000 }).not.toBe(before);
    }
    expect(await lastCardText()).toMatch(/Was this helpful\?/);
    await page.locator('#start-over').click();
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/danger/i);
  });

  it('copies a case note at a walk-through outcome with the Copy case note button', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bot.url });
    expect(await page.locator('#copy-note').isHidden()).toBe(true);
    await say('report on 101');
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/danger/i);
    for (let step = 0; step < 10 && !/Was this helpful\?/.test(await lastCardText()); step += 1) {
      const before = await lastCardText();
      await cardButton(/^1\. /).first().click();
      await expect.poll(lastCardText, { timeout: 15_000 }).not.toBe(before);
    }
    const note = await newCardAfter(() => cardButton(/Copy for case notes/).first().click());
    expect(note).toMatch(/For your case notes/);
    await page.locator('#copy-note').click();
    await expect.poll(() => page.locator('#copy-note').innerText()).toBe('Copied');
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied).toMatch(/^Waypoint guidance record, /);
    expect(copied).toMatch(/Walk-through: Should I report to the police on 101\?/);
    expect(copied).toMatch(/not a record of what happened/);
  });

  it('gives the emergency reply first when someone is in danger now', async () => {
    await say('he is hitting her right now');
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/999/);
    expect(await lastCardText()).toMatch(/danger/i);
  });

  it('offers Talk to someone under the emergency reply, naming contacts not set up as such', async () => {
    // Waits for the new emergency card: the one from the test before is still on screen.
    expect(await newCardAfter(() => say('he is kicking her right now'))).toMatch(/999/);
    const contacts = await newCardAfter(() => cardButton(/Talk to someone/).first().click());
    expect(contacts).toMatch(/Duty manager: not set up for your organisation yet/);
    expect(contacts).toMatch(/If someone is in danger now, call 999/);
    // Local mode has no Teams channel: the alert is shown here (and logged) instead of sent.
    const alert = await newCardAfter(() => cardButton(/Alert my team's channel/).first().click());
    expect(alert).toMatch(/Local mode: there is no Teams channel here/);
    expect(alert).toMatch(/asked for contact at/);
  });

  it('raises the emergency reply from a walk-through answer, then carries on to what to do once safe', async () => {
    await say('menu');
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/A couple want housing together/);
    await cardButton(/A couple want housing together/).first().click();
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/is anyone in danger right now/i);
    await cardButton(/Yes, someone is in danger now/).first().click();
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/999/);
    await cardButton(/Continue where I was/).first().click();
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/Once everyone is safe/);
    expect(await lastCardText()).toMatch(/Whatever happens next[^]*Record the decision, who made it/);
  });

  it('works from the keyboard alone', async () => {
    await sendBox().focus();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await expect.poll(lastCardText, { timeout: 15_000 }).toMatch(/How to use Waypoint/);
    // Tab from the page's start reaches Start over, and Enter presses it.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 5 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'start-over');
    }
    expect(reached).toBe(true);
  });

  it('has text with enough contrast in its own chrome (WCAG AA, 4.5:1)', async () => {
    const ratios = await page.evaluate(() => {
      const rgb = (value: string) => (value.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const background = (element: Element): string => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const colour = getComputedStyle(node).backgroundColor;
          if (colour && !/rgba\(0, 0, 0, 0\)|transparent/.test(colour)) return colour;
        }
        return 'rgb(255, 255, 255)';
      };
      return ['h1', '.privacy', '#start-over'].map((selector) => {
        const element = document.querySelector(selector) as Element;
        const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(background(element)))];
        return { selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
    for (const { selector, ratio } of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
  });

  it('never failed a request, and never showed "Send failed"', async () => {
    expect(failedRequests).toEqual([]);
    expect(await page.getByText(/send failed/i).count()).toBe(0);
  });
});

describe("the supervisor's view at /admin", () => {
  it('draws what the chat above left: unanswered questions by week, thumbs down by card, walks and where they stop, content due; never a name typed', async () => {
    // More to show: a question with a name in it that Waypoint cannot answer, and a thumbs down.
    const chat = bot.conversation();
    await chat.say('Zebedee Quintrell wants me to sort out a parking permit for his van');
    const card = (await chat.say('what is marac')).at(-1);
    const down = card?.channelData?.guidance?.choices.find((c) => (c.value as { action?: string }).action === 'feedback' && !(c.value as { helpful?: boolean }).helpful);
    await chat.press(down?.value ?? { action: 'feedback', id: 'marac', helpful: false });

    const admin = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    try {
      await admin.goto(`${bot.url}/admin`);
      await expect.poll(() => admin.locator('#report').isVisible(), { timeout: 15_000 }).toBe(true);
      const text = await admin.locator('main').innerText();
      expect(text).toMatch(/Questions Waypoint could not answer, by week/);
      expect(await admin.locator('svg[aria-label="Unanswered questions by week"] rect').count()).toBeGreaterThan(0);
      expect(await admin.locator('svg[aria-label="Thumbs down by card"] rect').count()).toBeGreaterThan(0);
      expect(text).toMatch(/parking permit/);
      expect(text).not.toMatch(/Zebedee|Quintrell/);
      // The walk-throughs the chat tests walked, with where walks stopped.
      expect(text).toMatch(/Should I report to the police on 101\?/);
      expect(await admin.getByRole('button', { name: 'Download as JSON' }).count()).toBe(1);
      mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
      await admin.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'admin.png'), fullPage: true });
    } finally {
      await admin.close();
    }
  });
});

/** The text of the card an action brings: waits until one more card is on the page than before it. */
async function newCardAfter(action: () => Promise<unknown>): Promise<string> {
  const cards = page.locator('.ac-adaptiveCard');
  const before = await cards.count();
  await action();
  await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(before);
  return lastCardText();
}

async function lastCardText(): Promise<string> {
  const cards = page.locator('.ac-adaptiveCard');
  const count = await cards.count();
  return count === 0 ? '' : cards.nth(count - 1).innerText();
}
