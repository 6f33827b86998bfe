// Drives errcat's HTML page in a real headless Chromium (Debian's, never a downloaded one).
//
// Usage: node tools/check_html.js OUT_DIR [SCREENSHOT_DIR]
//
// Loads OUT_DIR/<fallback locale>/index.html and checks, as a person would use it: typing in
// the search box narrows the rows; a deep link (#CODE) lands on its row, also while a filter
// hides it; a code's description shows and is searched; the language switch opens the other page at the same code; with JavaScript off
// every code shows; on a phone-sized screen nothing overflows; no request leaves the page.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok" : "FAILED"}: ${what}`);
  if (!ok) failures += 1;
}

async function visibleRows(page) {
  return page.$$eval("article.code", (rows) => rows.filter((r) => r.offsetParent !== null).map((r) => r.id));
}

async function main() {
  const out = path.resolve(process.argv[2] || "out");
  const shots = process.argv[3];
  const catalog = JSON.parse(fs.readFileSync(path.join(out, "catalog.json"), "utf8"));
  const codes = Object.keys(catalog.codes);
  const locale = catalog.fallback_locale;
  const other = catalog.locales.find((l) => l !== locale);
  const url = "file://" + path.join(out, locale, "index.html");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const external = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("file://")) external.push(request.url());
    });
    const errors = [];
    // A message's <script> or onerror= must stay text: any dialog means it ran.
    page.on("dialog", (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      dialog.dismiss();
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(url);

    check((await page.getAttribute("html", "lang")) === locale, `<html lang="${locale}">`);
    const hreflangs = await page.$$eval("link[rel=alternate][hreflang]", (links) => links.map((l) => l.hreflang));
    check(catalog.locales.every((l) => hreflangs.includes(l)), `hreflang alternates for ${catalog.locales}`);
    const all = await visibleRows(page);
    check(all.length === codes.length, `all ${codes.length} codes show before searching (saw ${all.length})`);
    check(await page.isVisible("#q"), "the search box shows when JavaScript runs");

    // Type a code key by key: the rows narrow to the codes containing what was typed.
    const target = codes[Math.floor(codes.length / 2)];
    await page.click("#q");
    await page.keyboard.type(target, { delay: 20 });
    const rows = await visibleRows(page);
    const expected = codes.filter((c) => c.toLowerCase().includes(target.toLowerCase()));
    check(rows.includes(target), `typing "${target}" keeps its row`);
    check(rows.length === expected.length && rows.length < all.length,
      `and narrows ${all.length} rows to the ${expected.length} code(s) containing it (saw ${rows.length})`);
    check(/\d/.test(await page.textContent("#count")), `the count says how many match: "${await page.textContent("#count")}"`);
    if (shots) await page.screenshot({ path: path.join(shots, "search.png") });

    await page.fill("#q", "");
    await page.keyboard.type("zzqx no such text", { delay: 5 });
    check((await visibleRows(page)).length === 0 && (await page.isVisible("#nomatch")), "a query matching nothing says so");

    // A code's description (catalog.json `description`) shows in its row, and the search finds it by it:
    // a word of the description that its row's message and suggestion lack.
    const described = codes.find((c) => catalog.codes[c].texts[locale].description);
    if (described) {
      const text = catalog.codes[described].texts[locale];
      const elsewhere = `${described} ${text.message.display} ${(text.suggestion || {}).display || ""}`.toLowerCase();
      const word = text.description.display.split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 3 && !elsewhere.includes(w.toLowerCase()))
        .sort((a, b) => b.length - a.length)[0];
      await page.fill("#q", "");
      await page.dispatchEvent("#q", "input");
      if (word) {
        await page.keyboard.type(word, { delay: 5 });
        const found = await visibleRows(page);
        check(found.includes(described), `searching "${word}", a word only its description has, finds ${described} (saw ${found})`);
      }
      check(await page.isVisible(`[id="${described}"] p.description`), `the description of ${described} shows in its row`);
    }

    // Follow a deep link while the filter hides its row: the row is shown, targeted and on screen.
    const deep = codes[Math.floor(codes.length * 0.6)];
    await page.goto(`${url}#${deep}`);
    const targeted = await page.evaluate(() => document.querySelector(":target") && document.querySelector(":target").id);
    check(targeted === deep, `#${deep} targets its row (got ${targeted})`);
    const box = await page.locator(`[id="${deep}"]`).boundingBox();
    const header = await page.locator("header").boundingBox();
    const onScreen = box !== null && box.y >= header.height - 1 && box.y + box.height <= 900;
    check(onScreen, `the row of ${deep} is on screen below the sticky header (y=${box && Math.round(box.y)}, header ${Math.round(header.height)})`);
    const highlight = await page.locator(`[id="${deep}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    check(highlight !== "rgba(0, 0, 0, 0)", `the targeted row is highlighted (${highlight})`);
    if (shots) await page.screenshot({ path: path.join(shots, "deep-link.png") });

    await page.fill("#q", "zzqx");
    await page.dispatchEvent("#q", "input");
    const hidden = codes[0];
    await page.evaluate((code) => { location.hash = code; }, hidden);
    await page.waitForFunction((code) => document.getElementById(code).offsetParent !== null, hidden, { timeout: 5000 })
      .catch(() => {});
    check((await visibleRows(page)).includes(hidden), `a deep link to ${hidden} shows it even when a filter hid it`);

    // The language switch opens the other locale's page at the same code.
    if (other) {
      await page.click(`.languages a[hreflang="${other}"]`);
      await page.waitForLoadState();
      check((await page.getAttribute("html", "lang")) === other, `the switch opens the ${other} page`);
      check(page.url().endsWith(`/${other}/index.html#${hidden}`), `and keeps the code (${page.url()})`);
    }
    // Any fragment, as a link or typed in the address bar: no script error, every code still shows.
    const fragments = ["%E0", "%", "%%41", "%E0%A4%A", "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>",
      "%3Cscript%3E", "family-" + "x".repeat(200000), "%F0%9F%98%80", "#", " "];
    const hostile = await context.newPage();
    const fragmentErrors = [];
    hostile.on("pageerror", (error) => fragmentErrors.push(String(error)));
    hostile.on("dialog", (dialog) => { fragmentErrors.push(`a dialog opened: ${dialog.message()}`); dialog.dismiss(); });
    for (const fragment of fragments) {
      const before = fragmentErrors.length;
      await hostile.goto(`${url}#${fragment}`);
      await hostile.evaluate((f) => { location.hash = f; }, fragment + "-again");
      await hostile.waitForTimeout(50);
      const shown = (await visibleRows(hostile)).length;
      const shortName = fragment.length > 40 ? `${fragment.slice(0, 20)}… (${fragment.length} characters)` : fragment;
      check(fragmentErrors.length === before && shown === codes.length,
        `#${shortName}: no script error, all ${codes.length} codes show (${fragmentErrors.slice(before).join("; ") || "none"}; ${shown} shown)`);
    }
    await hostile.close();

    check(external.length === 0, `no request leaves the page (${external.join(", ") || "none"})`);
    check(errors.length === 0, `no script error (${errors.join("; ") || "none"})`);

    // Without JavaScript: the full list, no dead search box.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(url);
    check((await visibleRows(plain)).length === codes.length, "without JavaScript every code shows");
    check(!(await plain.isVisible("#q")), "without JavaScript the inert search box is not shown");

    // A phone: nothing wider than the screen.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const small = await phone.newPage();
    await small.goto(url);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `no horizontal scrolling on a 375px screen (overflow ${overflow}px)`);
    if (shots) await small.screenshot({ path: path.join(shots, "phone.png") });

    // Print: the search box and the language switch are left out, every code is printed.
    await page.emulateMedia({ media: "print" });
    check(!(await page.isVisible("#q")), "print leaves the search box out");
  } finally {
    await browser.close();
  }
  console.log(`${failures === 0 ? "all browser checks passed" : failures + " browser check(s) failed"}`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
