import type { Language, LearnApi, Learner } from '../../../../electron/contract/channels';

/** What the first screen gets from the app: the api, the interface languages, and what to do next. */
export interface ProfileEntryProps {
  api: LearnApi;
  languages: Language[];
  onOpened: (session: string, learner: Learner) => void;
  /** Switches the interface language (the header's switch does the same). */
  onLanguageChange: (language: Language) => void;
}
