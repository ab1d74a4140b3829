// Keyboard gestures of the Inspect pane, shared by the browser tests.

/** Verdict "remove" (key 2), then the policy picker (P), a typed code and the first match. */
async function removeUnderPolicy(page, code) {
  await page.keyboard.press('2');
  await page.keyboard.press('p');
  await page.keyboard.type(code);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

module.exports = { removeUnderPolicy };
