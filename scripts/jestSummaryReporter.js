// Writes jest's totals to test-results/jest.json on every run, so CI can print one summary line
// whatever command ran the tests (`npm test` runs jest and then the browser tests).
const fs = require('node:fs');
const path = require('node:path');

class JestSummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites, numTotalTestSuites } = results;
    fs.writeFileSync(
      path.join(dir, 'jest.json'),
      JSON.stringify(
        { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites, numTotalTestSuites },
        null,
        2,
      ),
    );
  }
}
module.exports = JestSummaryReporter;
