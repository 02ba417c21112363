/** Laifaxin's contact page: where a reader sends a report or asks for help with a binding. */
export const supportUrl = 'https://laifa.xin/zhinan/contact-us';
