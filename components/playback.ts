/**
 * The cursor of `<mem-sim>` and how it moves: stepping, jumping, playing at the host's speed, and
 * what those moves say to screen readers through the element's polite live region.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MemSimStepDetail } from './mem-sim.js';

/** The element a PlaybackController moves through a scenario. */
export interface PlaybackHost extends ReactiveControllerHost, EventTarget {
  /** Playback speed in steps per second. */
  readonly speed: number;
  /** Number of steps: the position runs from 0 to `total`. */
  readonly total: number;
}

export class PlaybackController implements ReactiveController {
  /** Steps taken: 0 before the first operation, `total` after the last. */
  position = 0;
  playing = false;
  /** The live region's text: the last announcement. */
  live = '';
  private _timer: ReturnType<typeof setInterval> | undefined;

  /** `describe` says what the current step did, for announcements. */
  constructor(
    private readonly _host: PlaybackHost,
    private readonly _describe: () => string,
  ) {
    _host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Steps forward at the host's speed; from the last step it starts again at step 0. */
  play(): void {
    const total = this._host.total;
    if (this.playing || total === 0) return;
    if (this.position >= total) this.go(0, false);
    this.playing = true;
    this.schedule();
    this.announce(`Playing from step ${this.position} of ${total}`);
  }

  /** Stops playback at the current step. */
  pause(): void {
    if (!this.playing) return;
    this.stop();
    this.announce(`Paused. ${this._describe()}`);
  }

  toggle(): void {
    this.playing ? this.pause() : this.play();
  }

  /** Moves the cursor. Manual moves stop playback and are announced; playback steps are not. */
  go(to: number, manual: boolean): void {
    const total = this._host.total;
    const position = Math.max(0, Math.min(total, Math.trunc(Number.isFinite(to) ? to : 0)));
    if (manual) this.stop();
    if (position === this.position) {
      if (manual) this.announce(position === 0 ? `Already at step 0 of ${total}` : `Already at the last step, ${total} of ${total}`);
      return;
    }
    this.position = position;
    this._host.requestUpdate();
    this._host.dispatchEvent(
      new CustomEvent<MemSimStepDetail>('memsim-step', { detail: { step: position, total }, bubbles: true, composed: true }),
    );
    if (manual) this.announce(this._describe());
  }

  /** (Re)starts the timer at the host's current speed. */
  schedule(): void {
    clearInterval(this._timer);
    const speed = playableSpeed(this._host.speed);
    this._timer = setInterval(() => {
      this.go(this.position + 1, false);
      if (this.position >= this._host.total) {
        this.stop();
        this.announce(`Finished. ${this._describe()}`);
      }
    }, 1000 / speed);
  }

  /** Stops the timer, without an announcement. */
  stop(): void {
    clearInterval(this._timer);
    this._timer = undefined;
    if (!this.playing) return;
    this.playing = false;
    this._host.requestUpdate();
  }

  /**
   * The keys (see <mem-sim>'s doc): Left and Right step, Home and End jump, Space plays and pauses.
   * The editor's text keeps its own keys, and Space presses a focused button as it does on every page.
   */
  onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = (e.composedPath()[0] as Element | undefined)?.localName;
    if (target === 'textarea' || (e.key === ' ' && target === 'button')) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this.go(this.position - 1, true),
      ArrowRight: () => this.go(this.position + 1, true),
      Home: () => this.go(0, true),
      End: () => this.go(this._host.total, true),
      ' ': () => this.toggle(),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  announce(text: string): void {
    // A repeated message must still change the region's text to be read again.
    this.live = this.live === text ? `${text}\u00a0` : text;
    this._host.requestUpdate();
  }
}

/** The speed playback runs at: the one asked for, or 1 step per second when it is not a positive number. */
export const playableSpeed = (wanted: number): number => (wanted > 0 && Number.isFinite(wanted) ? wanted : 1);
