import '../../components/theme.css';
import { render } from 'preact';
import { ActivityLog } from '../../components/ActivityLog';
import { ApiKeySettings } from '../../components/ApiKeySettings';
import { EnabledSites } from '../../components/EnabledSites';
import { GuardrailSettings } from '../../components/GuardrailSettings';
import { ShortcutSettings } from '../../components/ShortcutSettings';
import { VaultPanel } from '../../components/VaultPanel';

render(
  <main class="options">
    <h1>Stripe Actions for Helpdesks</h1>
    <ApiKeySettings />
    <VaultPanel />
    <GuardrailSettings />
    <EnabledSites />
    <ShortcutSettings />
    <ActivityLog />
  </main>,
  document.getElementById('app')!,
);
