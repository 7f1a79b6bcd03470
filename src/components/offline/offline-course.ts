/**
 * Enhances <offline-course> on the offline page: registers the service worker (service-worker.js)
 * only when the learner asks to save the course, follows the download, says whether this locale
 * is saved, and removes the copy again (and the worker with the last copy). `?save=1`, which the
 * home page's button sends, starts saving at once.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { fill } from '../../lib/template';
import { Island } from '../island';
import type { offlineCourse } from './contract';

/** What OfflineCourse.astro writes into data-config. */
export interface OfflineCourseConfig {
  /** The worker's URL and scope (the base path), this locale's URL and its list of files. */
  worker: string;
  scope: string;
  copy: string;
  list: string;
  texts: Dictionary['offline']['script'];
}

interface Copy {
  version: string;
  savedAt: string;
}

type Reply =
  | { type: 'status'; copy: Copy | null }
  | { type: 'saved'; copy: Copy }
  | { type: 'failed'; message: string }
  | { type: 'removed'; left: number };

class OfflineCourse extends Island<OfflineCourseConfig, typeof offlineCourse> {
  private copyUrl = '';

  protected connect() {
    const { texts } = this.config;
    this.copyUrl = new URL(this.config.copy, location.href).href;
    if (!('serviceWorker' in navigator) || !isSecureContext) {
      this.show(texts.unsupported, false);
      this.target('save').hidden = true;
      return;
    }
    this.on(this.target('save', HTMLButtonElement), 'click', () => void this.saveCopy());
    this.on(this.target('remove', HTMLButtonElement), 'click', () => void this.removeCopy());
    const asked = new URLSearchParams(location.search).has('save');
    if (asked) history.replaceState(null, '', location.pathname);
    void this.refresh().then((saved) => {
      if (asked && !saved) void this.saveCopy();
    });
  }

  private show(text: string, saved: boolean) {
    this.target('status').textContent = text;
    this.target('save').hidden = saved;
    this.target('remove').hidden = !saved;
  }

  private savedText(copy: Copy) {
    const date = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(copy.savedAt));
    return fill(this.config.texts.saved, { date });
  }

  /** Asks the worker; progress messages go to `onProgress` until the answer comes. */
  private ask(worker: ServiceWorker, type: string, onProgress?: (done: number, total: number) => void): Promise<Reply> {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => {
        if (data.type === 'progress') onProgress?.(data.done, data.total);
        else {
          channel.port1.close();
          resolve(data as Reply);
        }
      };
      worker.postMessage({ type, scope: this.copyUrl, list: new URL(this.config.list, location.href).href }, [channel.port2]);
    });
  }

  /** Shows whether this locale is saved; true when it is. */
  private async refresh(): Promise<boolean> {
    const registration = await navigator.serviceWorker.getRegistration(this.config.scope);
    const reply = registration?.active ? await this.ask(registration.active, 'status') : undefined;
    const copy = reply?.type === 'status' ? reply.copy : null;
    this.show(copy ? this.savedText(copy) : this.config.texts.notSaved, copy !== null);
    return copy !== null;
  }

  private async saveCopy() {
    const { texts } = this.config;
    const progress = this.target('progress', HTMLProgressElement);
    this.target('save', HTMLButtonElement).disabled = true;
    try {
      await navigator.serviceWorker.register(this.config.worker, { scope: this.config.scope });
      const { active } = await navigator.serviceWorker.ready;
      if (!active) throw new Error('no active service worker');
      progress.hidden = false;
      const reply = await this.ask(active, 'save', (done, total) => {
        progress.max = total;
        progress.value = done;
        this.show(fill(texts.saving, { done, total }), false);
      });
      if (reply.type !== 'saved') throw new Error(reply.type === 'failed' ? reply.message : reply.type);
      this.show(this.savedText(reply.copy), true);
    } catch (error) {
      this.show(fill(texts.failed, { message: error instanceof Error ? error.message : String(error) }), false);
    } finally {
      progress.hidden = true;
      this.target('save', HTMLButtonElement).disabled = false;
    }
  }

  private async removeCopy() {
    const registration = await navigator.serviceWorker.getRegistration(this.config.scope);
    if (registration?.active) {
      const reply = await this.ask(registration.active, 'remove');
      // The last copy gone, the worker goes too: nothing is left in the browser.
      if (reply.type === 'removed' && reply.left === 0) await registration.unregister();
    }
    this.show(this.config.texts.removed, false);
  }
}

customElements.define('offline-course', OfflineCourse);
