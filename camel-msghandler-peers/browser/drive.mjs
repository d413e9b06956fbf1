// Drives the chat page in a real headless Chromium (Debian's, through puppeteer-core), as a person would: sends
// a text, the table, an image from the file picker and a large file, waits for the route's answers, takes a
// screenshot, and prints what the page shows as one `received <JSON>` line.
//
//   node browser/drive.mjs <page URL> <image file> <large file> <screenshot.png>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [pageUrl, imagePath, filePath, screenshotPath] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'msghandler-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  // no sandbox as root; no background traffic, which this machine's closed network refuses
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('pageerror ' + JSON.stringify(String(e))));
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(pageUrl);
  await page.waitForSelector('#status.connected', { timeout: 20000 });

  const answers = () => page.$$eval('#inbox .received', (entries) => entries.length);
  async function sendAndAwait(button, expectedAnswers) {
    await page.click(button);
    await page.waitForFunction((n) => document.querySelectorAll('#inbox .received').length >= n,
      { timeout: 30000 }, expectedAnswers);
  }

  await sendAndAwait('#send-text', 1);
  await sendAndAwait('#send-table', 2);
  await (await page.$('#image')).uploadFile(imagePath);
  await sendAndAwait('#send-image', 3);
  await (await page.$('#file')).uploadFile(filePath);
  await sendAndAwait('#send-file', 5);   // a line about the file, and the file itself by link
  await page.waitForFunction(() => [...document.querySelectorAll('#inbox img')].every((img) => img.complete));

  const shown = await page.$$eval('#inbox .received', (entries) => entries.map((entry) => ({
    dataname: entry.dataset.dataname,
    type: entry.dataset.type,
    transport: entry.dataset.transport,
    sha256: entry.dataset.sha256,
    text: entry.querySelector('.text')?.textContent ?? null,
    rows: [...entry.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
    imageWidth: entry.querySelector('img')?.naturalWidth ?? null,
  })));
  const sent = await page.$$eval('#outbox .sent', (lines) => lines.map((line) => line.textContent));
  const errors = await page.$$eval('.error', (lines) => lines.map((line) => line.textContent));
  await page.screenshot({ path: screenshotPath, fullPage: true });
  console.log('received ' + JSON.stringify({ answers: await answers(), shown, sent, errors }));
} catch (e) {
  console.log('error ' + JSON.stringify(String(e && e.stack || e)));
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
