/** A billing portal configuration ID, as Options and a policy accept it. */
export const PORTAL_CONFIGURATION_ID = /^bpc_[A-Za-z0-9]{1,250}$/;
