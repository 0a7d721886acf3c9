import '../../components/theme.css';
import { render } from 'preact';
import { ActivityLog } from '../../components/ActivityLog';
import { ApiKeySettings } from '../../components/ApiKeySettings';
import { GuardrailSettings } from '../../components/GuardrailSettings';

render(
  <main class="options">
    <h1>Stripe Actions for Helpdesks</h1>
    <ApiKeySettings />
    <GuardrailSettings />
    <ActivityLog />
  </main>,
  document.getElementById('app')!,
);
