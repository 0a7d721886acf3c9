import '../../components/shared/theme.css';
import { render } from 'preact';
import { ActivityLog } from '../../components/options/ActivityLog';
import { ApiKeySettings } from '../../components/options/ApiKeySettings';
import { EnabledSites } from '../../components/options/EnabledSites';
import { GuardrailSettings } from '../../components/options/GuardrailSettings';
import { ShortcutSettings } from '../../components/options/ShortcutSettings';
import { VaultPanel } from '../../components/shared/VaultPanel';

render(
  <main class="options">
    <h1>Stripe Actions for Helpdesks</h1>
    {/* A long page: each section one click away, and the page keeps its place below. */}
    <nav class="options-nav" aria-label="Sections">
      <a href="#keys-heading">API keys</a>
      <a href="#vault-heading">Passphrase lock</a>
      <a href="#guardrails-heading">Guardrails and links</a>
      <a href="#sites-heading">Sites</a>
      <a href="#shortcuts-heading">Shortcuts</a>
      <a href="#activity-heading">Recent activity</a>
    </nav>
    <ApiKeySettings />
    <VaultPanel />
    <GuardrailSettings />
    <EnabledSites />
    <ShortcutSettings />
    <ActivityLog />
  </main>,
  document.getElementById('app')!,
);
