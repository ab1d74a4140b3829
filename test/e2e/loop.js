// A newcomer's whole loop in the workbench, in one language: load the demo, map, validate (a
// finding selects its cell), sample with ISO 2859-1, inspect 10 items by keyboard alone, report
// (the pivot in the grid matches the core's numbers), save the .xlsx and open it again. Every
// pane page passes an axe check; each step leaves a screenshot.
require('tsx/cjs');
const fs = require('node:fs');
const { axeCheck } = require('./axe');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');
const { readInspectionRows, toInspectedItems } = require('../../src/flows/inspectionRows.ts');
const { parseOutcome } = require('../../src/flows/schema/inspectionSheet.ts');
const { breakdown } = require('../../src/core/stats/summarizeInspection.ts');

module.exports = async function loop(t, lang) {
  const { page } = t;
  const L = (key, params) => translate(key, params, lang);
  const pane = page.locator('#pane');
  const tab = (key) => pane.getByRole('tab', { name: L(key) });
  const addressBox = page.getByTestId('address');

  // 1. The demo and Map.
  await page.goto(`${t.baseUrl}/workbench.html?lang=${lang}`);
  const decisionsSheet = lang === 'ja' ? '判定' : 'Decisions';
  await pane.getByText(L('map.sheet', { sheet: decisionsSheet, row: 1 })).waitFor();
  await t.screenshot('1-map');
  await axeCheck(t, page, 'Map');
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();

  // 2. Validate from the toolbar (the registry's command opens the page and validates); a finding selects its cell.
  await page.locator('[data-command=validate]').click();
  await pane.getByText(pattern('validate.checked', lang)).waitFor();
  const findings = pane.locator('ul li button');
  t.check((await findings.count()) > 3, 'findings are listed');
  const first = (await findings.nth(2).innerText()).split('\n')[0];
  const cell = /^'?([^'!]+)'?!([A-Z]+\d+)/.exec(first);
  t.check(cell, `a finding names its cell: ${first}`);
  await findings.nth(2).click();
  await page.waitForFunction((want) => document.querySelector('[data-testid=address]').value === want, cell[2]);
  t.check((await page.locator('[role=grid]').getAttribute('data-sheet')) === cell[1], `the grid shows ${cell[1]}`);
  await page.locator(`[data-cell=${cell[2]}][aria-selected=true]`).waitFor({ timeout: 5000 });
  const box = await page.locator(`[data-cell=${cell[2]}]`).boundingBox();
  const gridBox = await page.locator('[role=grid]').boundingBox();
  t.check(
    box && box.y >= gridBox.y && box.y + box.height <= gridBox.y + gridBox.height,
    `cell ${cell[2]} is scrolled into view`,
  );
  await t.screenshot('2-validate');
  await axeCheck(t, page, 'Validate');

  // 3. Sample 50 with ISO 2859-1 (level II, AQL 1.0: the demo's lot of about 400 is code letter H, n = 50).
  await tab('page.sample').click();
  const batchInput = pane.getByLabel(L('sample.batch'));
  await batchInput.fill(`W48-${lang}`);
  await pane.getByRole('radio', { name: L('sample.size.iso2859') }).check();
  await pane.getByRole('button', { name: L('sample.preview') }).click();
  const preview = pane.getByText(pattern('sample.previewTitle', lang));
  await preview.waitFor();
  t.check((await preview.innerText()).includes('50'), `preview: ${await preview.innerText()}`);
  await axeCheck(t, page, 'Sample');
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  const drawn = pane.getByText(pattern('sample.drawn', lang));
  await drawn.waitFor({ timeout: 20000 });
  t.check(/\b50\b/.test(await drawn.innerText()), `drawn: ${await drawn.innerText()}`);
  const inspectionSheet = `QA W48-${lang}`;
  await page.getByRole('tab', { name: inspectionSheet }).waitFor();
  await t.screenshot('3-sample');

  // 4. Inspect 10 items with the keyboard alone.
  await pane.getByRole('button', { name: L('sample.inspectNow') }).click();
  await pane
    .getByText(L('inspect.progress', { done: 0, total: 50 }))
    .first()
    .waitFor();
  await axeCheck(t, page, 'Inspect');
  await pane.getByLabel(L('inspect.inspector')).focus();
  await page.keyboard.type(lang === 'ja' ? '検査 太郎' : 'qa.alex');
  for (let i = 0; i < 10; i++) {
    const heading = pane.locator('#item-title, h2[tabindex="-1"]').first();
    await heading.focus();
    if (i % 3 === 2) {
      // Remove under a policy picked by typing.
      await page.keyboard.press('2');
      await page.keyboard.press('p');
      await page.keyboard.type('SAF.HATE');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('1');
    }
    await page.keyboard.press('Control+Enter');
    await pane
      .getByText(L('inspect.progress', { done: i + 1, total: 50 }))
      .first()
      .waitFor();
  }
  await t.screenshot('4-inspect');

  // Typing into the sheet: a dropdown in the grid's qa_verdict cell; the outcome is recomputed
  // (the pane watches the sheet) and the progress follows.
  await page.getByRole('tab', { name: inspectionSheet }).click();
  await page.evaluate(() => {
    const { book } = window.__workbench;
    book.model.selection = {
      sheet: book.model.activeSheet,
      rect: { row: 11, column: 12, rowCount: 1, columnCount: 1 },
    };
    book.notify();
  });
  await page.locator('[data-cell=M12][aria-selected=true]').waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('Enter');
  const dropdown = page.getByRole('combobox', { name: L('wb.edit', { cell: 'M12' }) });
  await dropdown.waitFor();
  await dropdown.selectOption('approve');
  await page.waitForFunction(
    () => !['', 'pending', '未検査'].includes(document.querySelector('[data-cell=O12]')?.textContent ?? ''),
  );
  await pane
    .getByText(L('inspect.progress', { done: 11, total: 50 }))
    .first()
    .waitFor();
  // The pane moved on to the next pending item, with that item's own policy in the picker.
  await pane
    .getByText(new RegExp(L('inspect.item', { id: '@ID@', row: 13 }).split('@ID@').map(escape).join('\\d+')))
    .waitFor();
  const shownPolicy = (await pane.locator('dl dd').nth(2).innerText()).split(' ')[0];
  const pickerValue = await pane.getByRole('combobox', { name: L('inspect.yourPolicy') }).inputValue();
  t.check(
    shownPolicy === '' || shownPolicy === L('inspect.noPolicy').split(' ')[0] || pickerValue.startsWith(shownPolicy),
    `the picker starts from the shown item's policy: ${shownPolicy} / ${pickerValue}`,
  );
  await t.screenshot('4b-typed-in-sheet');

  // 5. Report: the key figures, and the pivot in the grid against the core's numbers.
  await tab('page.report').click();
  await pane.getByRole('button', { name: L('report.build') }).click();
  await pane.getByText(L('report.built', { sheet: `QA Report W48-${lang}` })).waitFor({ timeout: 20000 });
  await axeCheck(t, page, 'Report');
  const inspectedRow = pane.getByRole('row', { name: new RegExp(escape(L('report.inspected'))) });
  t.check(/\b11\b/.test(await inspectedRow.innerText()), `inspected: ${await inspectedRow.innerText()}`);
  const values = await page.evaluate((sheet) => window.__workbench.book.valuesOf(sheet), inspectionSheet);
  // The pivots cover inspected items (pending is hidden), so a moderator with nothing inspected has no row.
  const byModerator = breakdown(
    toInspectedItems(readInspectionRows(values).rows.filter((r) => r.outcome !== 'pending')),
    'moderator',
  );
  await page.getByRole('tab', { name: `QA Report W48-${lang}` }).click();
  await page.evaluate(() => {
    const { book } = window.__workbench;
    book.model.selection = { sheet: book.model.activeSheet, rect: { row: 23, column: 0, rowCount: 1, columnCount: 1 } };
    book.notify();
  });
  await page.locator('[data-cell=A26]').waitFor();
  const text = (address) => page.locator(`[data-cell=${address}]`).innerText();
  const letters = 'BCDEFGHI';
  const outcomes = [];
  for (const letter of letters) outcomes.push(await text(`${letter}25`));
  let checked = 0;
  for (let r = 26; r < 26 + byModerator.length; r++) {
    const moderator = await text(`A${r}`);
    const group = byModerator.find((g) => g.key === moderator);
    t.check(group, `pivot row ${r} (${moderator}) is a moderator of the sample`);
    // Percent of the row's inspected items: pending ones are hidden from the pivot.
    const total = group.inspected;
    for (let c = 0; c < outcomes.length; c++) {
      const outcome = parseOutcome(outcomes[c]);
      if (!outcome || outcome === 'pending') continue;
      const want = `${((group.outcomes[outcome] / total) * 100).toFixed(2)}%`;
      const got = await text(`${letters[c]}${r}`);
      t.check(got === want, `pivot ${letters[c]}${r} (${moderator}, ${outcome}): grid ${got}, core ${want}`);
      checked++;
    }
  }
  t.check(checked >= byModerator.length * 2, `pivot cells checked: ${checked}`);
  await t.screenshot('5-report');
  // The registry's shortcut refreshes the report in place.
  await pane.getByText(L('report.built', { sheet: `QA Report W48-${lang}` })).waitFor();
  await page.locator('[role=grid]').focus();
  // The message is already on screen from the first build: wait for this refresh to start (a sync)
  // and end (its button enabled again), so Save below does not race it.
  const syncsBefore = await page.evaluate(() => window.__workbench.book.instrumentation.syncs);
  await page.keyboard.press('Control+Alt+Shift+R');
  await page.waitForFunction((n) => window.__workbench.book.instrumentation.syncs > n, syncsBefore);
  await pane
    .getByRole('button', { name: L('report.refresh') })
    .and(page.locator(':enabled'))
    .waitFor();
  await pane.getByText(L('report.built', { sheet: `QA Report W48-${lang}` })).waitFor();

  // 6. Save the .xlsx and open it again.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: L('wb.save') }).click(),
  ]);
  const saved = t.artifact(`loop-${lang}.xlsx`);
  await download.saveAs(saved);
  t.check(fs.statSync(saved).size > 10000, 'the .xlsx was written');
  if (lang === 'en') {
    await page.getByTestId('open-file').setInputFiles({
      name: `loop-${lang}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fs.readFileSync(saved),
    });
  } else {
    // Dropped on the workbench, as a file from the desktop would be.
    const dataTransfer = await page.evaluateHandle(
      ({ bytes, name }) => {
        const dt = new DataTransfer();
        dt.items.add(
          new File([new Uint8Array(bytes)], name, {
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
        );
        return dt;
      },
      { bytes: [...fs.readFileSync(saved)], name: `loop-${lang}.xlsx` },
    );
    await page.locator('[role=grid]').dispatchEvent('dragover', { dataTransfer });
    await page.locator('[role=grid]').dispatchEvent('drop', { dataTransfer });
  }
  await page.getByText(L('wb.opened', { file: `loop-${lang}.xlsx` })).waitFor();
  for (const sheet of [decisionsSheet, inspectionSheet, `QA Report W48-${lang}`, 'QA Batches', 'QA Findings'])
    await page.getByRole('tab', { name: sheet }).waitFor();
  await tab('page.inspect').click();
  await pane
    .getByText(L('inspect.progress', { done: 11, total: 50 }))
    .first()
    .waitFor();
  await t.screenshot('6-reopened');
};
