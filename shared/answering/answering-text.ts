import type { Catalogue } from '../platform/language/languages.ts';

/**
 * Every word the answering pages say that is not the questionnaire's own text (that comes
 * from `config/questionnaires/*.json` in each of its languages). Typed by language, so a
 * missing translation is a type error; `test/integration/spanish-page.test.ts` checks that no
 * English string from here reaches a Spanish page.
 */
export interface AnsweringText {
  /** "About 1 minute": how long the page takes, worked out from its questions. */
  duration: (minutes: number) => string;
  scoreThanks: string;
  answersSent: string;
  noScriptSave: string;
  send: string;
  checkAnswers: (count: number) => string;
  importance: { prompt: string; label: (value: string) => string };
  performance: { prompt: string; label: (value: string) => string };
  competitor: { prompt: (name: string) => string; label: (value: string, name: string) => string };
  /** Shown above a value's probe, which appears beside a low rating. */
  probeHint: string;
  dontKnow: string;
  comparisons: { better: string; same: string; worse: string };
  yes: string;
  no: string;
  errors: {
    chooseScore: string;
    scoreRange: (min: number, max: number) => string;
    rating: string;
    competitorRating: string;
    yesNo: string;
    comparison: string;
    tooLong: (max: string) => string;
    ticked: string;
    notAQuestion: string;
  };
  thanks: {
    title: string;
    reached: (business: string) => string;
    changeUntil: (date: string) => string;
    changeWhileOpen: string;
    review: { before: string; link: string };
    contact: (who: string, by: string) => string;
    contactSoon: string;
    /** A department's manager, named by role and department. */
    managerOf: (department: string) => string;
    aManager: string;
  };
}

export const ANSWERING_TEXT: Catalogue<AnsweringText> = {
  en: {
    duration: (minutes) => (minutes === 1 ? 'About 1 minute' : `About ${minutes} minutes`),
    scoreThanks: 'Thank you for your score. If you have a minute, tell us a little more.',
    answersSent: 'These are the answers you sent. You can change them and send again.',
    noScriptSave: 'To save your score, press “Send my answers” at the end.',
    send: 'Send my answers',
    checkAnswers: (count) => (count === 1 ? 'Please check one answer' : `Please check ${count} answers`),
    importance: { prompt: 'How important is this to you? (1 = not at all, 5 = very)', label: (value) => `${value}: how important to you (1 = not at all, 5 = very)` },
    performance: { prompt: 'How well did we do? (1 = very poorly, 5 = very well)', label: (value) => `${value}: how well we did (1 = very poorly, 5 = very well)` },
    competitor: { prompt: (name) => `How well does ${name} do?`, label: (value, name) => `${value}: how well ${name} does` },
    probeHint: 'Optional — it helps us put it right.',
    dontKnow: "Don't know",
    comparisons: { better: 'Better', same: 'The same', worse: 'Worse' },
    yes: 'Yes',
    no: 'No',
    errors: {
      chooseScore: 'choose a score',
      scoreRange: (min, max) => `must be from ${min} to ${max}`,
      rating: 'must be a whole number from 1 to 5',
      competitorRating: 'must be 1 to 5 or "don\'t know"',
      yesNo: 'must be yes or no',
      comparison: 'must be better, the same, worse or don\'t know',
      tooLong: (max) => `must be at most ${max} characters`,
      ticked: 'must be ticked or left empty',
      notAQuestion: 'is not a question of this questionnaire',
    },
    thanks: {
      title: 'Thank you',
      reached: (business) => `Your answers have reached ${business}.`,
      changeUntil: (date) => `You can change them from the same link until ${date}.`,
      changeWhileOpen: 'You can change them from the same link until this questionnaire closes.',
      review: { before: 'Glad it went well. Would you tell others?', link: 'Leave us a review' },
      contact: (who, by) => `${who} will contact you about your complaint by ${by}.`,
      contactSoon: 'Someone responsible will contact you about your complaint soon.',
      managerOf: (department) => `The manager of ${department}`,
      aManager: 'A manager',
    },
  },
  es: {
    duration: (minutes) => (minutes === 1 ? 'Aproximadamente 1 minuto' : `Aproximadamente ${minutes} minutos`),
    scoreThanks: 'Gracias por su puntuación. Si tiene un minuto, cuéntenos un poco más.',
    answersSent: 'Estas son las respuestas que envió. Puede cambiarlas y enviarlas de nuevo.',
    noScriptSave: 'Para guardar su puntuación, pulse «Enviar mis respuestas» al final.',
    send: 'Enviar mis respuestas',
    checkAnswers: (count) => (count === 1 ? 'Revise una respuesta' : `Revise ${count} respuestas`),
    importance: { prompt: '¿Qué importancia tiene para usted? (1 = ninguna, 5 = mucha)', label: (value) => `${value}: qué importancia tiene para usted (1 = ninguna, 5 = mucha)` },
    performance: { prompt: '¿Qué tal lo hicimos? (1 = muy mal, 5 = muy bien)', label: (value) => `${value}: qué tal lo hicimos (1 = muy mal, 5 = muy bien)` },
    competitor: { prompt: (name) => `¿Qué tal lo hace ${name}?`, label: (value, name) => `${value}: qué tal lo hace ${name}` },
    probeHint: 'Opcional: nos ayuda a corregirlo.',
    dontKnow: 'No sé',
    comparisons: { better: 'Mejor', same: 'Igual', worse: 'Peor' },
    yes: 'Sí',
    no: 'No',
    errors: {
      chooseScore: 'elija una puntuación',
      scoreRange: (min, max) => `debe estar entre ${min} y ${max}`,
      rating: 'debe ser un número entero del 1 al 5',
      competitorRating: 'debe ser del 1 al 5 o «no sé»',
      yesNo: 'debe ser sí o no',
      comparison: 'debe ser mejor, igual, peor o no sé',
      tooLong: (max) => `debe tener como máximo ${max} caracteres`,
      ticked: 'debe estar marcado o vacío',
      notAQuestion: 'no es una pregunta de este cuestionario',
    },
    thanks: {
      title: 'Gracias',
      reached: (business) => `Sus respuestas han llegado a ${business}.`,
      changeUntil: (date) => `Puede cambiarlas con el mismo enlace hasta el ${date}.`,
      changeWhileOpen: 'Puede cambiarlas con el mismo enlace mientras el cuestionario esté abierto.',
      review: { before: 'Nos alegra que haya ido bien. ¿Se lo contaría a otros?', link: 'Déjenos una reseña' },
      contact: (who, by) => `${who} se pondrá en contacto con usted sobre su queja antes del ${by}.`,
      contactSoon: 'Una persona responsable se pondrá en contacto con usted sobre su queja en breve.',
      managerOf: (department) => `El responsable de ${department}`,
      aManager: 'Un responsable',
    },
  },
};
