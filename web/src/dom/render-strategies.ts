import type { StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import type { StrategyView } from '../view/strategies-view';
import { killSwitchView } from '../view/strategies-view';
import { h } from './h';
import { type SaveStrategy, StrategyForm } from './strategy-form';

function strategyCard(view: StrategyView, edit: HTMLButtonElement): HTMLElement {
  return h(
    'article',
    { class: `strategy${view.isProblem ? ' strategy-problem' : ''}`, 'data-strategy': view.id },
    h('h4', {}, view.title),
    edit,
    h('p', { class: 'strategy-mode', 'data-testid': 'strategy-mode' }, `Mode: ${view.mode}`),
    h('p', { class: 'strategy-status', 'data-testid': 'strategy-status' }, view.status),
    h(
      'dl',
      { class: 'account-figures' },
      ...view.figures.map((f) =>
        h(
          'div',
          { 'data-strategy-figure': f.key },
          h('dt', {}, f.label),
          h('dd', { class: 'value' }, f.value),
        ),
      ),
    ),
    view.decisions.length === 0
      ? h('p', { class: 'note' }, 'No decisions logged yet.')
      : h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${view.id}: last decisions` },
          h(
            'table',
            { class: 'positions', 'data-testid': 'decisions' },
            h('caption', {}, 'Last decisions'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['Time', 'Regime', 'Orders', 'Execution'].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              ...view.decisions.map((d) =>
                h(
                  'tr',
                  {},
                  h('td', {}, d.time),
                  h('td', {}, d.regime),
                  h('td', {}, d.orders),
                  h('td', { class: 'wrap' }, d.execution),
                ),
              ),
            ),
          ),
        ),
  );
}

/**
 * The Strategies panel: the kill switch (a toggle button calling `setKillSwitch`), one card per
 * strategy with its parameters in force and last decisions, and the form that creates a strategy
 * or edits one (each card's Edit button fills it).
 */
export class StrategiesPanel {
  readonly element: HTMLElement;
  private readonly list = h('div', { class: 'strategies', 'data-testid': 'strategies' });
  private readonly killState = h('p', { class: 'kill-state', 'data-testid': 'kill-state' });
  private readonly killButton = h('button', { type: 'button', id: 'kill-switch', 'aria-pressed': 'false' });
  private readonly killMessage = h('p', {
    class: 'connect-message',
    'data-testid': 'kill-message',
    role: 'status',
  });
  private on: boolean | undefined;
  private readonly form: StrategyForm;

  constructor(setKillSwitch: (on: boolean) => Promise<void>, saveStrategy: SaveStrategy) {
    this.form = new StrategyForm(saveStrategy);
    this.element = h(
      'section',
      { class: 'strategies-panel', 'aria-labelledby': 'strategies-title' },
      h('h3', { id: 'strategies-title' }, 'Strategies'),
      h(
        'div',
        { class: 'kill-switch' },
        h('strong', {}, 'Kill switch'),
        this.killState,
        this.killButton,
        this.killMessage,
      ),
      this.list,
      this.form.element,
    );
    this.showKillSwitch(undefined);
    this.killButton.addEventListener('click', () => {
      const next = !this.on;
      this.killButton.disabled = true;
      this.killMessage.textContent = next ? 'Turning the kill switch on…' : 'Turning the kill switch off…';
      setKillSwitch(next)
        .then(
          () => {
            this.killMessage.textContent = '';
          },
          () => {
            this.killMessage.textContent = 'The kill switch could not be changed; try again.';
          },
        )
        .finally(() => {
          this.killButton.disabled = false;
        });
    });
  }

  /** Empties the strategy form (a new strategy), e.g. for another user. */
  clearForm(): void {
    this.form.edit(undefined);
  }

  /** The kill switch's live state (`undefined` while loading). */
  showKillSwitch(on: boolean | undefined): void {
    this.on = on;
    const view = killSwitchView(on);
    this.killState.textContent = view.state;
    this.killButton.textContent = view.action;
    this.killButton.setAttribute('aria-pressed', String(view.on));
    this.element.classList.toggle('killed', view.on);
  }

  /**
   * The strategy cards, or the empty / loading text; `configs` holds each strategy's stored
   * configuration, which its Edit button puts in the form.
   */
  showStrategies(
    views: StrategyView[] | undefined,
    configs: ReadonlyMap<string, Partial<StrategyConfigFields>> = new Map(),
  ): void {
    if (views === undefined)
      return this.list.replaceChildren(h('p', { class: 'note' }, 'Loading strategies…'));
    if (views.length === 0)
      return this.list.replaceChildren(
        h(
          'p',
          { class: 'note', 'data-testid': 'no-strategies' },
          'No strategies yet: create one with the form below.',
        ),
      );
    this.list.replaceChildren(
      ...views.map((view) => {
        const edit = h(
          'button',
          { type: 'button', class: 'strategy-edit', 'aria-label': `Edit ${view.id}` },
          'Edit',
        );
        edit.addEventListener('click', () => this.form.edit(view.id, configs.get(view.id)));
        return strategyCard(view, edit);
      }),
    );
  }
}
