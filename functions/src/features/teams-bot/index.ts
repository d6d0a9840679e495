// The Teams bot's public entry: what the composition root needs to serve /api/messages.
export { createBotService, type BotService } from './service';
