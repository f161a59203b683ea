/**
 * The Mocha globals that @web/test-runner gives the component tests (it runs them with Mocha in the
 * browser); declared here so the type check needs no @types/mocha.
 */
type MochaBody = (this: unknown) => void | Promise<void>;

declare global {
  function describe(title: string, body: () => void): void;
  function it(title: string, body: MochaBody): void;
  function before(body: MochaBody): void;
  function after(body: MochaBody): void;
  function beforeEach(body: MochaBody): void;
  function afterEach(body: MochaBody): void;
}

export {};
