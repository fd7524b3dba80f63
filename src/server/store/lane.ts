/**
 * Runs async work one piece at a time, in the order it was asked for. SQLite has one
 * connection, and a transaction on it must not let other work in between its statements.
 */
export class Lane {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(work);
    // The next piece waits for this one to settle, whether it succeeded or not.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
