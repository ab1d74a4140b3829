import { createWorkbook } from '../emulator';
import { selectCellFlow } from './selectCellFlow';

test(
  'selecting a quoted address activates its sheet and selects the cell; ' + 'a bare one stays on the active sheet',
  async () => {
    const book = createWorkbook();
    book.addSheet('Decisions', [['item_id'], ['1']]);
    book.addSheet("Bob's 判定", [['a'], ['b']]);
    book.model.activeSheet = book.model.sheet('Decisions');
    await selectCellFlow(book.run, "'Bob''s 判定'!AA12");
    expect(book.model.activeSheet?.name).toBe("Bob's 判定");
    expect(book.model.selection).toMatchObject({
      sheet: { name: "Bob's 判定" },
      rect: { row: 11, column: 26, rowCount: 1, columnCount: 1 },
    });
    await selectCellFlow(book.run, 'B3');
    expect(book.model.selection).toMatchObject({ sheet: { name: "Bob's 判定" }, rect: { row: 2, column: 1 } });
  },
);
