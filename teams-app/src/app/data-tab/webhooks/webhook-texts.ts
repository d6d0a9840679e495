// Texts of the Data tab's "Webhooks" page, in English and German; they load with the page. It imports nothing, so
// loading it lazily splits no library off another chunk.

const en = {
  'hooks.heading': 'Webhooks',
  'hooks.intro':
    'HTTPS endpoints of an ERP or middleware that the CRM tells when records change. Each delivery is signed with the endpoint’s secret (docs/WEBHOOKS.md shows how a receiver checks it), retried for up to 24 hours, and an endpoint that keeps failing is paused with the reason.',
  'hooks.adminOnly': 'Registering and pausing webhooks is for administrators (CRM.Admin); your role does not allow it.',
  'hooks.loading': 'Loading the webhooks…',
  'hooks.none': 'No endpoint is registered yet.',
  'hooks.status.active': 'Active',
  'hooks.status.paused': 'Paused',
  'hooks.pausedReason': 'Paused: {reason}',
  'hooks.failingSince': 'Failing since {when}',
  'hooks.pending': '{count} deliveries waiting',
  'hooks.events': 'Events: {events}',
  'hooks.pause': 'Pause',
  'hooks.pauseOf': 'Pause {url}',
  'hooks.resume': 'Resume',
  'hooks.resumeOf': 'Resume {url}',
  'hooks.paused': '{url} is paused; events wait until it is resumed.',
  'hooks.resumed': '{url} is resumed; what waited is sent again.',
  'hooks.reload': 'Reload',
  'hooks.register': 'Register an endpoint',
  'hooks.url': 'URL (https://)',
  'hooks.urlInvalid': 'Enter an https:// address.',
  'hooks.description': 'Description (optional)',
  'hooks.eventsLegend': 'Events to send',
  'hooks.eventsMissing': 'Choose at least one event.',
  'hooks.all': 'All events',
  'hooks.save': 'Register',
  'hooks.saving': 'Registering…',
  'hooks.secret': 'Registered. The signing secret of {url}, shown only this once: store it with the receiver now.',
  'hooks.secretLabel': 'Signing secret',
};

export type WebhookKey = keyof typeof en;

const de: Record<WebhookKey, string> = {
  'hooks.heading': 'Webhooks',
  'hooks.intro':
    'HTTPS-Endpunkte eines ERP oder einer Middleware, denen das CRM Änderungen meldet. Jede Zustellung ist mit dem Geheimnis des Endpunkts signiert (docs/WEBHOOKS.md zeigt, wie ein Empfänger sie prüft), wird bis zu 24 Stunden wiederholt, und ein Endpunkt, der dauerhaft scheitert, wird mit Grund pausiert.',
  'hooks.adminOnly': 'Webhooks registrieren und pausieren ist Administratoren (CRM.Admin) vorbehalten; Ihre Rolle erlaubt es nicht.',
  'hooks.loading': 'Webhooks werden geladen…',
  'hooks.none': 'Noch kein Endpunkt registriert.',
  'hooks.status.active': 'Aktiv',
  'hooks.status.paused': 'Pausiert',
  'hooks.pausedReason': 'Pausiert: {reason}',
  'hooks.failingSince': 'Scheitert seit {when}',
  'hooks.pending': '{count} Zustellungen warten',
  'hooks.events': 'Ereignisse: {events}',
  'hooks.pause': 'Pausieren',
  'hooks.pauseOf': '{url} pausieren',
  'hooks.resume': 'Fortsetzen',
  'hooks.resumeOf': '{url} fortsetzen',
  'hooks.paused': '{url} ist pausiert; Ereignisse warten, bis er fortgesetzt wird.',
  'hooks.resumed': '{url} läuft wieder; was wartete, wird erneut gesendet.',
  'hooks.reload': 'Neu laden',
  'hooks.register': 'Endpunkt registrieren',
  'hooks.url': 'URL (https://)',
  'hooks.urlInvalid': 'Eine https://-Adresse eingeben.',
  'hooks.description': 'Beschreibung (optional)',
  'hooks.eventsLegend': 'Zu sendende Ereignisse',
  'hooks.eventsMissing': 'Mindestens ein Ereignis wählen.',
  'hooks.all': 'Alle Ereignisse',
  'hooks.save': 'Registrieren',
  'hooks.saving': 'Wird registriert…',
  'hooks.secret': 'Registriert. Das Signaturgeheimnis von {url}, nur dieses eine Mal angezeigt: Jetzt beim Empfänger hinterlegen.',
  'hooks.secretLabel': 'Signaturgeheimnis',
};

export const webhookTexts = { en, de };
