import type { AccountCallables } from '../firebase/account';
import { describeCallableError, readConnectForm } from '../view/connect-form';
import { h } from './h';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * The connect form and the disconnect button. The secret field is `type=password`, emptied as
 * soon as a submit has read it (whatever the answer), and its value is never put anywhere else
 * in the page: messages are fixed sentences per error code.
 */
export class ConnectControls {
  readonly element: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly keyId: HTMLInputElement;
  private readonly secret: HTMLInputElement;
  private readonly paper: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly disconnectButton: HTMLButtonElement;
  private readonly message: HTMLElement;

  constructor(private readonly callables: AccountCallables) {
    this.keyId = h('input', {
      id: 'alpaca-key-id',
      name: 'keyId',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
    });
    this.secret = h('input', {
      id: 'alpaca-secret',
      name: 'secretKey',
      type: 'password',
      autocomplete: 'off',
      required: true,
    });
    this.paper = h('input', { id: 'alpaca-paper', name: 'paper', type: 'checkbox', checked: true });
    this.submit = h('button', { type: 'submit', class: 'primary' }, 'Connect Alpaca');
    this.fieldset = h(
      'fieldset',
      {},
      h('legend', {}, 'Connect an Alpaca account'),
      h('label', { for: 'alpaca-key-id' }, 'API key ID'),
      this.keyId,
      h('label', { for: 'alpaca-secret' }, 'Secret key'),
      this.secret,
      h(
        'label',
        { class: 'check', for: 'alpaca-paper' },
        this.paper,
        ' Paper trading account (untick for live)',
      ),
      this.submit,
    );
    this.form = h('form', { id: 'connect-form', class: 'connect-form', novalidate: true }, this.fieldset);
    this.disconnectButton = h(
      'button',
      { type: 'button', id: 'disconnect', hidden: true },
      'Disconnect Alpaca',
    );
    this.message = h('p', {
      class: 'connect-message',
      'data-testid': 'connect-message',
      role: 'status',
      'aria-live': 'polite',
    });
    this.element = h('div', { class: 'connect-controls' }, this.form, this.disconnectButton, this.message);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.onSubmit();
    });
    this.disconnectButton.addEventListener('click', () => void this.onDisconnect());
  }

  /** Offers the form (not connected, or the keys need replacing) or the disconnect button. */
  show(options: { form: boolean; disconnect: boolean }): void {
    this.form.hidden = !options.form;
    this.disconnectButton.hidden = !options.disconnect;
  }

  private say(text: string, isError: boolean): void {
    this.message.textContent = text;
    this.message.classList.toggle('connect-error', isError);
    this.message.setAttribute('role', isError ? 'alert' : 'status');
  }

  private setBusy(busy: boolean, label: string): void {
    this.fieldset.disabled = busy;
    this.disconnectButton.disabled = busy;
    this.element.setAttribute('aria-busy', String(busy));
    this.submit.textContent = busy ? label : 'Connect Alpaca';
  }

  private async onSubmit(): Promise<void> {
    const read = readConnectForm({
      keyId: this.keyId.value,
      secretKey: this.secret.value,
      paper: this.paper.checked,
    });
    this.secret.value = '';
    if (!read.ok) {
      this.say(read.message, true);
      (read.message.includes('key ID') ? this.keyId : this.secret).focus();
      return;
    }
    this.setBusy(true, 'Connecting…');
    this.say('Checking the keys with Alpaca…', false);
    try {
      await this.callables.connect(read.input);
      this.keyId.value = '';
      this.say('Connected. The account appears below after the next sync.', false);
    } catch (error) {
      this.say(describeCallableError(errorCode(error), 'connect'), true);
      this.secret.focus();
    } finally {
      this.setBusy(false, '');
    }
  }

  private async onDisconnect(): Promise<void> {
    this.setBusy(true, 'Connect Alpaca');
    this.disconnectButton.textContent = 'Disconnecting…';
    try {
      await this.callables.disconnect();
      this.say('Disconnected: the stored keys and the account snapshot are deleted.', false);
    } catch (error) {
      this.say(describeCallableError(errorCode(error), 'disconnect'), true);
    } finally {
      this.disconnectButton.textContent = 'Disconnect Alpaca';
      this.setBusy(false, '');
    }
  }
}
