// Unit tests live beside the code (src/.../*.test.ts and .tsx); browser tests in test/e2e run under Playwright instead.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking is done once by `npm run typecheck`; tests only transpile, which keeps them fast.
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, isolatedModules: true } },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jestSummaryReporter.js'],
};
