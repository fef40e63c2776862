// The web client in Debian's headless Chromium (driven by playwright-core), against the started silo:
// register, sign in, the signed-in page, the café room with its people, pokes and direct messages, and the quiz,
// at desktop and phone width.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { baseUrl, call, createCafe, registerMember, uniqueName } from './lib/api.mjs';
import { artifacts } from './lib/silo.mjs';

const executablePath = process.env.PLATFORM_CHROMIUM ?? '/usr/bin/chromium';
// The flags this machine needs: no sandbox as root, and no background traffic to hosts it cannot reach.
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const phone = { width: 360, height: 740 };
const password = 'correct horse battery';

let browser;
const pageErrors = [];

before(async () => {
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: run scripts/ensure-chromium.sh as root`);
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath, headless: true, args }); // playwright gives it a fresh profile
});
after(() => browser?.close());

async function openPage(viewport) {
  const context = await browser.newContext({ viewport, baseURL: baseUrl() });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // Script errors, and files of the client that are missing (API refusals are expected and checked by the tests).
  page.on('pageerror', error => pageErrors.push(error.message));
  page.on('console', message => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  page.on('response', response => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

/** A page already signed in with a session made over REST (quicker than the forms, which other tests cover). */
async function signedInPage(viewport, auth) {
  const page = await openPage(viewport);
  await page.goto('/');
  await page.evaluate(stored => sessionStorage.setItem('platform.session', JSON.stringify(stored)), auth);
  await page.reload();
  await page.getByRole('heading', { name: `Welcome, ${auth.user.username}` }).waitFor();
  return page;
}

/** True when nothing on the page is wider than the window (no sideways scrolling). */
const fitsWidth = page => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function register(page, username) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${username}` }).waitFor();
}

describe('the web client in Chromium', () => {
  test('registering shows the signed-in page with a live hub connection', async () => {
    const page = await openPage({ width: 1280, height: 800 });
    const username = uniqueName('web');
    await register(page, username);
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible());
    const tokens = await page.evaluate(() => JSON.parse(sessionStorage.getItem('platform.session')));
    assert.ok(tokens.accessToken && tokens.refreshToken, 'tokens are kept in sessionStorage');
    await page.screenshot({ path: join(artifacts, 'signed-in.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('at phone width a member signs in, opens a new café, chats in it and deletes a message, with nothing wider than the screen', async () => {
    const page = await openPage(phone);
    const username = uniqueName('phone');
    await register(page, username);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByLabel('Email or username').fill(username);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: '(unauthorized)' }).waitFor(); // the problem details' detail and code
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Welcome, ${username}` }).waitFor();
    assert.ok(await fitsWidth(page), 'the signed-in page fits 360 px');
    await page.screenshot({ path: join(artifacts, 'signed-in-phone.png'), fullPage: true });

    await page.getByText('Create a café').click();
    await page.getByLabel('Name', { exact: true }).fill('Corner Café');
    await page.getByLabel('Address').fill('1 Long Street Name That Wraps, Somewhere');
    await page.getByLabel('Wi-Fi name (SSID)').fill('corner-guest');
    await page.getByLabel('Latitude').fill('52.52');
    await page.getByLabel('Longitude').fill('13.405');
    await page.getByRole('button', { name: 'Create café' }).click();
    await page.getByRole('heading', { name: 'Corner Café' }).waitFor();

    await page.getByRole('textbox', { name: 'Message' }).fill('hello from the phone');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('list', { name: 'Messages' }).getByText('hello from the phone').waitFor();
    await page.getByRole('list', { name: 'Online now' }).getByText(username).waitFor();
    assert.ok(await fitsWidth(page), 'the café room fits 360 px');
    await page.screenshot({ path: join(artifacts, 'cafe-phone.png'), fullPage: true });

    await page.getByRole('textbox', { name: 'Message' }).fill('a message to take back');
    await page.getByRole('button', { name: 'Send' }).click();
    const taken = page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'a message to take back' });
    await taken.getByRole('button', { name: /^Delete/ }).click();
    await taken.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('a guest with a pass from the café joins on its Wi-Fi and lands in the café room', async () => {
    const owner = await registerMember('owner');
    const cafe = await createCafe(owner, { name: 'Guest Café', wifiSsid: 'guest-wifi' });
    const pass = await call('POST', '/api/auth/barista/generate-username', { token: owner.accessToken, body: { cafeId: cafe.id, receiptId: 'r-1' } });

    const page = await openPage(phone);
    await page.goto('/#/join');
    await page.getByLabel('Guest name').fill(pass.username);
    await page.getByLabel('Join token').fill(pass.joinToken);
    await page.getByLabel('Café id').fill(cafe.id);
    await page.getByLabel('Café Wi-Fi name (SSID)').fill('guest-wifi');
    await page.getByRole('button', { name: 'Join the café' }).click();
    await page.getByRole('heading', { name: 'Guest Café' }).waitFor();
    await page.getByRole('list', { name: 'Online now' }).getByText(pass.username).waitFor();
    assert.ok(await fitsWidth(page), 'the guest join and the room fit 360 px');
    await page.screenshot({ path: join(artifacts, 'guest-phone.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('the page refreshes its access token before it expires and keeps the rotated refresh token', async () => {
    const page = await openPage({ width: 1024, height: 768 });
    const username = uniqueName('refresh');
    await register(page, username);
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('platform.session')));
    const first = await stored();

    // The test silo issues 30-second access tokens; the page refreshes well before they run out.
    await page.waitForFunction(old => JSON.parse(sessionStorage.getItem('platform.session')).refreshToken !== old,
      first.refreshToken, { timeout: 25_000 });
    const second = await stored();
    assert.notEqual(second.accessToken, first.accessToken);

    // Still signed in and live on the new tokens: a REST call and a hub call from the page work.
    await page.getByText('Create a café').click();
    await page.getByLabel('Name', { exact: true }).fill('Refreshed Café');
    await page.getByLabel('Address').fill('2 Test Street');
    await page.getByLabel('Wi-Fi name (SSID)').fill('refreshed');
    await page.getByLabel('Latitude').fill('1');
    await page.getByLabel('Longitude').fill('1');
    await page.getByRole('button', { name: 'Create café' }).click();
    await page.getByRole('list', { name: 'Online now' }).getByText(username).waitFor();

    // The page gave the first refresh token back (it was used), so the server refuses it now.
    await assert.rejects(call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } }), { status: 401 });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  test('two players in a quiz lobby get ready, play a question with a countdown and see the results and the final board', async () => {
    const [host, player] = await Promise.all([registerMember('host'), registerMember('player')]);
    const hostPage = await signedInPage({ width: 1024, height: 768 }, host);
    const playerPage = await signedInPage(phone, player);

    await hostPage.goto('/#/quiz');
    await hostPage.getByText('Make a lobby').click();
    await hostPage.getByLabel('Name', { exact: true }).fill('Quiz Night');
    await hostPage.getByLabel('Players (1–8)').fill('2');
    await hostPage.getByLabel('Questions (1–50)').fill('1');
    await hostPage.getByLabel('Seconds per question (5–120)').fill('15');
    await hostPage.getByRole('button', { name: 'Create lobby' }).click();
    const title = hostPage.getByRole('heading', { name: /^Quiz Night · / });
    await title.waitFor();
    const code = (await title.textContent()).split('·')[1].trim();

    await playerPage.goto(`/#/quiz/${code}`);
    const players = page => page.getByRole('list', { name: 'Players' });
    await players(playerPage).getByText(host.user.username).waitFor();
    await players(hostPage).getByText(player.user.username).waitFor(); // lobbyUpdated reached the host

    await playerPage.getByRole('button', { name: "I'm ready" }).click();
    await hostPage.getByRole('button', { name: "I'm ready" }).click();
    await hostPage.getByRole('button', { name: 'Start game', exact: true }).click();

    for (const page of [hostPage, playerPage]) {
      await page.getByRole('group', { name: 'Answers' }).waitFor();
      assert.match(await page.getByRole('timer').textContent(), /^\d+ s$/);
    }
    assert.ok(await fitsWidth(playerPage), 'the question fits 360 px');
    await playerPage.screenshot({ path: join(artifacts, 'quiz-question-phone.png'), fullPage: true });

    for (const page of [hostPage, playerPage]) await page.getByRole('group', { name: 'Answers' }).getByRole('button').first().click();
    for (const page of [hostPage, playerPage]) {
      await page.getByText(/^(Correct!|Not quite\.)/).waitFor();
      await page.getByRole('heading', { name: 'Final board' }).waitFor({ timeout: 20_000 });
      const final = page.getByRole('region', { name: 'Final board' });
      assert.equal(await final.getByRole('table').getByRole('row').count(), 3); // header and two players
    }
    assert.ok(await fitsWidth(playerPage), 'the final board fits 360 px');
    await playerPage.screenshot({ path: join(artifacts, 'quiz-final-phone.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    await hostPage.context().close();
    await playerPage.context().close();
  });

  test('at phone width two members in one café share an interest, one pokes the other from the People panel, the other accepts, and their direct messages arrive live', async () => {
    const [ada, bo] = await Promise.all([registerMember('ada'), registerMember('bo')]);
    const cafe = await createCafe(ada, { name: 'Match Café' });
    const adaPage = await signedInPage(phone, ada);
    const boPage = await signedInPage(phone, bo);
    const [adaName, boName] = [ada.user.username, bo.user.username];

    // Bo first, then Ada: Ada's People panel asks again after she saves, and finds Bo with both interests.
    for (const [page, name] of [[boPage, boName], [adaPage, adaName]]) {
      await page.goto(`/#/cafe/${cafe.id}`);
      await page.getByRole('list', { name: 'Online now' }).getByText(name).waitFor();
      assert.ok(await page.getByRole('checkbox', { name: 'Let people here poke me' }).isChecked(), 'poking is on');
      await page.getByLabel('Interests', { exact: true }).fill('Chess, jazz');
      await page.getByRole('button', { name: 'Save interests' }).click();
      await page.getByText('Saved: chess, jazz.').waitFor();
    }

    const boRow = adaPage.getByRole('list', { name: 'People here' }).getByRole('listitem').filter({ hasText: boName });
    await boRow.getByRole('list', { name: `Shared with ${boName}` }).getByText('jazz').waitFor();
    await boRow.getByRole('button', { name: `Poke ${boName}` }).click();
    await boRow.getByText('waiting for an answer').waitFor();

    // The poke reaches Bo live, naming only the shared interest.
    const poke = boPage.getByRole('list', { name: 'Pokes for you' }).getByRole('listitem');
    await poke.getByText('chess').waitFor();
    assert.ok(!(await poke.textContent()).includes(adaName), 'the poke does not name its sender');
    await poke.getByRole('button', { name: 'Accept' }).click();

    for (const [page, other] of [[adaPage, boName], [boPage, adaName]]) {
      await page.getByRole('list', { name: 'Matches' }).getByText(`You matched with ${other}!`).waitFor();
    }
    // Each one's People panel offers the channel too (Bo's learns of Ada from the café's presence event).
    await adaPage.getByRole('list', { name: 'People here' }).getByRole('link', { name: `Message ${boName}` }).waitFor();
    await boPage.getByRole('list', { name: 'People here' }).getByRole('link', { name: `Message ${adaName}` }).waitFor();
    await boPage.getByRole('list', { name: 'Online now' }).getByText(adaName).waitFor(); // presence, pushed at most once a second
    assert.ok(await fitsWidth(boPage), 'the café with people and pokes fits 360 px');
    await boPage.screenshot({ path: join(artifacts, 'pokes-phone.png'), fullPage: true });

    const conversation = async (page, other) => {
      await page.getByRole('list', { name: 'Matches' }).getByRole('link', { name: 'Open chat' }).click();
      await page.getByRole('heading', { name: `Chat with ${other}` }).waitFor();
      // History loaded: what comes later can only come live.
      await page.locator('ol[aria-label="Messages"][aria-busy="false"]').waitFor();
      return page.getByRole('list', { name: 'Messages' });
    };
    const adaMessages = await conversation(adaPage, boName);
    const boMessages = await conversation(boPage, adaName);
    assert.equal(new URL(adaPage.url()).hash, new URL(boPage.url()).hash, 'both are in the one channel the match opened');

    const write = async (page, text) => {
      await page.getByRole('textbox', { name: 'Message' }).fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
    };
    await write(adaPage, 'good game of chess?');
    await boMessages.getByText('good game of chess?').waitFor();
    await write(boPage, 'rematch tomorrow, 5 pm');
    await adaMessages.getByText('rematch tomorrow, 5 pm').waitFor();
    assert.deepEqual(await adaMessages.locator('.content').allTextContents(), ['good game of chess?', 'rematch tomorrow, 5 pm'], 'oldest at the top');

    await write(boPage, 'a message to take back');
    const taken = boMessages.getByRole('listitem').filter({ hasText: 'a message to take back' });
    await taken.getByRole('button', { name: /^Delete/ }).click();
    await taken.waitFor({ state: 'detached' });
    assert.equal(await adaMessages.getByRole('listitem').filter({ hasText: 'rematch tomorrow' }).getByRole('button').count(), 0,
      'only one\'s own messages offer Delete');
    assert.ok(await fitsWidth(boPage), 'the conversation fits 360 px');
    await boPage.screenshot({ path: join(artifacts, 'dm-phone.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
    await adaPage.context().close();
    await boPage.context().close();
  });
});
