import type { StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import {
  NUMBER_FIELDS,
  type NumberField,
  readStrategyForm,
  strategyFormFields,
  type StrategyFormFields,
} from '../view/strategy-form';
import { h } from './h';

/** Writes a strategy's configuration (see `saveStrategy` in firebase/strategies.ts). */
export type SaveStrategy = (
  id: string,
  config: StrategyConfigFields,
  cleared: NumberField[],
) => Promise<void>;

const MODES = [
  ['off', 'Off: decisions only'],
  ['paper', 'Paper: orders on a paper account'],
  ['live', 'Live: orders on a live account'],
] as const;

/**
 * The form that creates a strategy or edits one (`users/{uid}/strategies/{id}`): its name, on/off,
 * mode, symbol and the optional thresholds, sizing and caps (empty: the default). What is wrong is
 * said before anything is written; the rules check the same bounds.
 */
export class StrategyForm {
  readonly element: HTMLFormElement;
  private readonly legend = h('legend', {}, 'New strategy');
  private readonly fieldset: HTMLFieldSetElement;
  private readonly id = h('input', {
    id: 'strategy-id',
    name: 'id',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  private readonly enabled = h('input', { id: 'strategy-enabled', name: 'enabled', type: 'checkbox' });
  private readonly mode = h(
    'select',
    { id: 'strategy-mode-select', name: 'mode' },
    ...MODES.map(([value, label]) => h('option', { value }, label)),
  );
  private readonly symbol = h('input', { id: 'strategy-symbol', name: 'symbol', autocomplete: 'off' });
  private readonly numbers = Object.fromEntries(
    NUMBER_FIELDS.map(([field]) => [
      field,
      h('input', { id: `strategy-${field}`, name: field, inputmode: 'decimal', autocomplete: 'off' }),
    ]),
  ) as Record<NumberField, HTMLInputElement>;
  private readonly submit = h('button', { type: 'submit', class: 'primary' }, 'Save strategy');
  private readonly fresh = h('button', { type: 'button', id: 'strategy-new' }, 'New strategy');
  private readonly message = h('p', {
    class: 'connect-message',
    'data-testid': 'strategy-form-message',
    role: 'status',
    'aria-live': 'polite',
  });

  constructor(private readonly save: SaveStrategy) {
    this.fieldset = h(
      'fieldset',
      {},
      this.legend,
      h('label', { for: 'strategy-id' }, 'Name (letters, digits, _ or -)'),
      this.id,
      h('label', { class: 'check', for: 'strategy-enabled' }, this.enabled, ' Enabled'),
      h('label', { for: 'strategy-mode-select' }, 'Mode'),
      this.mode,
      h('label', { for: 'strategy-symbol' }, 'Symbol'),
      this.symbol,
      h('p', { class: 'note' }, 'Leave a number empty for its default.'),
      ...NUMBER_FIELDS.flatMap(([field, label]) => [
        h('label', { for: `strategy-${field}` }, label),
        this.numbers[field],
      ]),
      this.submit,
      this.fresh,
    );
    this.element = h(
      'form',
      { id: 'strategy-form', class: 'connect-form', novalidate: true, 'aria-label': 'Strategy settings' },
      this.fieldset,
      this.message,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.onSubmit();
    });
    this.fresh.addEventListener('click', () => this.edit(undefined));
    this.edit(undefined);
  }

  /** Fills the form with a strategy's configuration (its name fixed), or empties it for a new one. */
  edit(id: string | undefined, config?: Partial<StrategyConfigFields>): void {
    this.fill(strategyFormFields(id ?? '', config));
    this.id.readOnly = id !== undefined;
    this.legend.textContent = id === undefined ? 'New strategy' : `Edit ${id}`;
    this.say('', false);
    if (id !== undefined) this.mode.focus();
  }

  private fill(fields: StrategyFormFields): void {
    this.id.value = fields.id;
    this.enabled.checked = fields.enabled;
    this.mode.value = fields.mode;
    this.symbol.value = fields.symbol;
    for (const [field] of NUMBER_FIELDS) this.numbers[field].value = fields.numbers[field];
  }

  private read(): StrategyFormFields {
    const numbers = Object.fromEntries(
      NUMBER_FIELDS.map(([field]) => [field, this.numbers[field].value]),
    ) as Record<NumberField, string>;
    return {
      id: this.id.value,
      enabled: this.enabled.checked,
      mode: this.mode.value,
      symbol: this.symbol.value,
      numbers,
    };
  }

  private say(text: string, isError: boolean): void {
    this.message.textContent = text;
    this.message.classList.toggle('connect-error', isError);
    this.message.setAttribute('role', isError ? 'alert' : 'status');
  }

  private async onSubmit(): Promise<void> {
    const read = readStrategyForm(this.read());
    if (!read.ok) {
      this.say(read.message, true);
      return;
    }
    this.fieldset.disabled = true;
    this.say('Saving…', false);
    try {
      await this.save(read.id, read.config, read.cleared);
      this.say(`Saved ${read.id}.`, false);
      this.id.readOnly = true;
      this.legend.textContent = `Edit ${read.id}`;
    } catch {
      this.say('The strategy could not be saved; check the fields and try again.', true);
    } finally {
      this.fieldset.disabled = false;
    }
  }
}
