import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_WORKER, jobWorkerFile, unpackedPath } from '../../../main/electron/job-worker';

/** A file system that holds only `files`, with one platform's path rules. */
function fakeFs(paths: typeof path.posix | typeof path.win32, files: string[]) {
  const asked: string[] = [];
  return {
    asked,
    fs: {
      join: (...parts: string[]) => paths.join(...parts),
      exists: (file: string) => {
        asked.push(file);
        return files.includes(file);
      },
    },
  };
}

describe('the jobs worker of a packaged app', () => {
  it('starts from app.asar.unpacked on Windows, macOS and Linux', () => {
    const windows = fakeFs(path.win32, [
      'C:\\Users\\li\\AppData\\Local\\Programs\\youcheng\\resources\\app.asar.unpacked\\dist\\electron\\jobs-worker.cjs',
    ]);
    expect(
      jobWorkerFile(
        'C:\\Users\\li\\AppData\\Local\\Programs\\youcheng\\resources\\app.asar\\dist\\electron',
        windows.fs,
      ),
    ).toBe(
      'C:\\Users\\li\\AppData\\Local\\Programs\\youcheng\\resources\\app.asar.unpacked\\dist\\electron\\jobs-worker.cjs',
    );
    const mac = fakeFs(path.posix, [
      '/Applications/友城 Youcheng.app/Contents/Resources/app.asar.unpacked/dist/electron/jobs-worker.cjs',
    ]);
    expect(
      jobWorkerFile(
        '/Applications/友城 Youcheng.app/Contents/Resources/app.asar/dist/electron',
        mac.fs,
      ),
    ).toBe(
      '/Applications/友城 Youcheng.app/Contents/Resources/app.asar.unpacked/dist/electron/jobs-worker.cjs',
    );
    // The archive's own path was never even asked for.
    expect([...windows.asked, ...mac.asked].some((f) => /app\.asar[\\/]/.test(f))).toBe(false);
  });

  it('leaves a development build where it is', () => {
    const dev = fakeFs(path.posix, ['/work/youcheng/dist/electron/jobs-worker.cjs']);
    expect(jobWorkerFile('/work/youcheng/dist/electron', dev.fs)).toBe(
      '/work/youcheng/dist/electron/jobs-worker.cjs',
    );
  });

  it('runs the jobs in main when a build left the worker out', () => {
    const none = fakeFs(path.posix, []);
    expect(jobWorkerFile('/opt/Youcheng/resources/app.asar/dist/electron', none.fs)).toBe(
      undefined,
    );
    expect(none.asked).toEqual([
      `/opt/Youcheng/resources/app.asar.unpacked/dist/electron/${JOB_WORKER}`,
    ]);
  });

  it('rewrites only a path segment named app.asar, once', () => {
    expect(unpackedPath('/r/app.asar/dist/x.cjs')).toBe('/r/app.asar.unpacked/dist/x.cjs');
    expect(unpackedPath('/r/app.asar.unpacked/dist/x.cjs')).toBe('/r/app.asar.unpacked/dist/x.cjs');
    expect(unpackedPath('/r/myapp.asar/dist/x.cjs')).toBe('/r/myapp.asar/dist/x.cjs');
    expect(unpackedPath('/r/app.asarx/dist/x.cjs')).toBe('/r/app.asarx/dist/x.cjs');
    expect(unpackedPath('D:\\y\\app.asar\\a\\app.asar\\b')).toBe(
      'D:\\y\\app.asar.unpacked\\a\\app.asar\\b',
    );
  });
});
