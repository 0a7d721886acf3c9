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
    <ApiKeySettings />
    <VaultPanel />
    <GuardrailSettings />
    <EnabledSites />
    <ShortcutSettings />
    <ActivityLog />
  </main>,
  document.getElementById('app')!,
);
