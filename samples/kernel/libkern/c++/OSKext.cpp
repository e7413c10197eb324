/*
 * hagfish miniature kernel -- the kext manager, in C++.
 *
 * Written for the hagfish fixtures; the class and method names follow
 * libkern's so that the mangled symbols look like a real kernel's, e.g.
 *   __ZN6OSKext4loadEhhP7OSArray                OSKext::load(uchar, uchar, OSArray*)
 *   __ZN6OSKext22loadKextWithIdentifierEPKchh   OSKext::loadKextWithIdentifier(...)
 *   __ZN6OSKext24lookupKextWithIdentifierEPKc   OSKext::lookupKextWithIdentifier(...)
 *   __ZTV6OSKext, __ZTV8OSObject, ...           vtables (no RTTI)
 *
 * The kext objects that exist at "boot" are constant-initialized globals
 * (gKext*), so their vtable pointers are already in the linked data.
 * Objects made at run time come from a bump allocator (gOSHeap) through
 * the class operator new.
 */
#include <libkern/c++/OSKext.h>
#include <kern/kext_alloc.h>
#include <kern/debug.h>
#include <string.h>

/* constant initialization, no exit-time destructor */
#define OS_CONSTINIT    [[clang::no_destroy]] [[clang::require_constant_initialization]]

/* ---- allocator ---------------------------------------------------------- */

extern "C" {
char            gOSHeap[16384] __attribute__((aligned(16)));
size_t          gOSHeapUsed;
unsigned int    gOSObjectCount;

void
__cxa_pure_virtual(void)
{
	panic("pure virtual function called");
}
}

static inline size_t
os_heap_round(size_t size)
{
	return (size + 15) & ~(size_t)15;
}

static inline bool
os_heap_owns(const void *mem)
{
	const char *p = static_cast<const char *>(mem);
	return p >= gOSHeap && p < gOSHeap + sizeof(gOSHeap);
}

/* ---- OSMetaClassBase ------------------------------------------------------ */

OSMetaClassBase::~OSMetaClassBase()
{
}

bool
OSMetaClassBase::isEqualTo(const OSMetaClassBase *anObject) const
{
	return this == anObject;
}

/* ---- OSObject --------------------------------------------------------- */

OSObject::OSObject() : retainCount(1)
{
	gOSObjectCount++;
}

OSObject::~OSObject()
{
	retainCount = 0;
}

void
OSObject::retain() const
{
	retainCount++;
}

void
OSObject::release() const
{
	if (retainCount > 0 && --retainCount == 0) {
		const_cast<OSObject *>(this)->free();
	}
}

int
OSObject::getRetainCount() const
{
	return retainCount;
}

void
OSObject::free()
{
	delete this;
}

void *
OSObject::operator new(size_t size) noexcept
{
	size_t rounded = os_heap_round(size);
	void *mem;

	if (rounded > sizeof(gOSHeap) - gOSHeapUsed) {
		return nullptr;
	}
	mem = &gOSHeap[gOSHeapUsed];
	gOSHeapUsed += rounded;
	memset(mem, 0, rounded);
	return mem;
}

void
OSObject::operator delete(void *mem, size_t size)
{
	size_t rounded = os_heap_round(size);

	if (mem == nullptr || !os_heap_owns(mem)) {
		return;
	}
	memset(mem, 0xde, size);
	/* only the most recent allocation can be given back */
	if (static_cast<char *>(mem) + rounded == &gOSHeap[gOSHeapUsed]) {
		gOSHeapUsed -= rounded;
	}
	if (gOSObjectCount > 0) {
		gOSObjectCount--;
	}
}

/* ---- OSString ---------------------------------------------------------- */

OSString::~OSString()
{
	string = nullptr;
	length = 0;
}

OSString *
OSString::withCStringNoCopy(const char *cstr)
{
	if (cstr == nullptr) {
		return nullptr;
	}
	return new OSString(cstr, static_cast<unsigned int>(strlen(cstr)));
}

const char *
OSString::getCStringNoCopy() const
{
	return string;
}

unsigned int
OSString::getLength() const
{
	return length;
}

bool
OSString::isEqualTo(const char *cstr) const
{
	return cstr != nullptr && string != nullptr &&
	       strncmp(string, cstr, length) == 0 && cstr[length] == '\0';
}

bool
OSString::isEqualTo(const OSMetaClassBase *anObject) const
{
	return OSMetaClassBase::isEqualTo(anObject);
}

bool
OSString::operator==(const OSString &other) const
{
	return length == other.length &&
	       (length == 0 || memcmp(string, other.string, length) == 0);
}

/* ---- OSArray ----------------------------------------------------------- */

OSArray::~OSArray()
{
	for (unsigned int i = 0; i < count; i++) {
		if (array[i] != nullptr) {
			array[i]->release();
		}
	}
	count = 0;
}

unsigned int
OSArray::getCount() const
{
	return count;
}

OSObject *
OSArray::getObject(unsigned int index) const
{
	return index < count ? array[index] : nullptr;
}

bool
OSArray::setObject(OSObject *anObject)
{
	if (anObject == nullptr || count >= capacity) {
		return false;
	}
	anObject->retain();
	array[count++] = anObject;
	updateStamp++;
	return true;
}

bool
OSArray::containsObject(const OSObject *anObject) const
{
	for (unsigned int i = 0; i < count; i++) {
		if (array[i] == anObject) {
			return true;
		}
	}
	return false;
}

/* ---- the boot-time objects (constant-initialized) ------------------------ */

#define OS_STRING(var, lit)     OS_CONSTINIT OSString var(lit, sizeof(lit) - 1)

OS_STRING(gIDKernel, "__kernel__");
OS_STRING(gIDCorecrypto, "com.apple.kec.corecrypto");
OS_STRING(gIDIOPCIFamily, "com.apple.iokit.IOPCIFamily");
OS_STRING(gIDIOACPIFamily, "com.apple.iokit.IOACPIFamily");
OS_STRING(gIDAppleACPIPlatform, "com.apple.driver.AppleACPIPlatform");
OS_STRING(gIDAppleSMC, "com.apple.driver.AppleSMC");
OS_STRING(gIDIOStorageFamily, "com.apple.iokit.IOStorageFamily");
OS_STRING(gIDHFS, "com.apple.filesystems.hfs");
OS_STRING(gIDAppleHDA, "com.apple.driver.AppleHDA");

extern OSKext gKextKernel, gKextCorecrypto, gKextIOPCIFamily, gKextIOACPIFamily,
    gKextAppleACPIPlatform, gKextAppleSMC, gKextIOStorageFamily, gKextHFS,
    gKextAppleHDA;

/* dependency lists */
OSObject *gDepsAppleACPIPlatformStorage[4] = { &gKextIOACPIFamily, &gKextIOPCIFamily };
OSObject *gDepsAppleSMCStorage[4] = { &gKextIOACPIFamily };
OSObject *gDepsHFSStorage[4] = { &gKextIOStorageFamily };
OSObject *gDepsAppleHDAStorage[4] = { &gKextIOPCIFamily, &gKextIOACPIFamily };

OS_CONSTINIT OSArray gDepsAppleACPIPlatform(gDepsAppleACPIPlatformStorage, 2, 4);
OS_CONSTINIT OSArray gDepsAppleSMC(gDepsAppleSMCStorage, 1, 4);
OS_CONSTINIT OSArray gDepsHFS(gDepsHFSStorage, 1, 4);
OS_CONSTINIT OSArray gDepsAppleHDA(gDepsAppleHDAStorage, 2, 4);

/*                         identifier              kmod_info                      tag deps                      loaded kernel */
OS_CONSTINIT OSKext gKextKernel(&gIDKernel, nullptr, 0, nullptr, true, true);
OS_CONSTINIT OSKext gKextCorecrypto(&gIDCorecrypto, &kmod_info_corecrypto, 11, nullptr, true, false);
OS_CONSTINIT OSKext gKextIOPCIFamily(&gIDIOPCIFamily, &kmod_info_iopcifamily, 12, nullptr, true, false);
OS_CONSTINIT OSKext gKextIOACPIFamily(&gIDIOACPIFamily, &kmod_info_ioacpifamily, 13, nullptr, true, false);
OS_CONSTINIT OSKext gKextAppleACPIPlatform(&gIDAppleACPIPlatform, &kmod_info_appleacpiplatform, 14,
    &gDepsAppleACPIPlatform, true, false);
OS_CONSTINIT OSKext gKextAppleSMC(&gIDAppleSMC, &kmod_info_applesmc, 15, &gDepsAppleSMC, true, false);
OS_CONSTINIT OSKext gKextIOStorageFamily(&gIDIOStorageFamily, &kmod_info_iostoragefamily, 16, nullptr, true, false);
OS_CONSTINIT OSKext gKextHFS(&gIDHFS, &kmod_info_hfs, 17, &gDepsHFS, true, false);
OS_CONSTINIT OSKext gKextAppleHDA(&gIDAppleHDA, &kmod_info_applehda, 0, &gDepsAppleHDA, false, false);

OSObject *gLoadedKextsStorage[16] = {
	&gKextKernel, &gKextCorecrypto, &gKextIOPCIFamily, &gKextIOACPIFamily,
	&gKextAppleACPIPlatform, &gKextAppleSMC, &gKextIOStorageFamily, &gKextHFS,
};
OSObject *gAllKextsStorage[16] = {
	&gKextKernel, &gKextCorecrypto, &gKextIOPCIFamily, &gKextIOACPIFamily,
	&gKextAppleACPIPlatform, &gKextAppleSMC, &gKextIOStorageFamily, &gKextHFS,
	&gKextAppleHDA,
};
OS_CONSTINIT OSArray gLoadedKextsArray(gLoadedKextsStorage, 8, 16);
OS_CONSTINIT OSArray gAllKextsArray(gAllKextsStorage, 9, 16);

OSArray        *OSKext::sLoadedKexts = &gLoadedKextsArray;
OSArray        *OSKext::sAllKexts = &gAllKextsArray;
uint32_t        OSKext::sNextLoadTag = 18;
unsigned int    OSKext::sLoadCount = 7;

/* ---- libkern helpers ------------------------------------------------------ */

namespace libkern {

template <typename T>
__attribute__((noinline)) unsigned int
countMatching(T *const *items, unsigned int count, bool (*predicate)(const T *item))
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < count; i++) {
		if (items[i] != nullptr && predicate(items[i])) {
			n++;
		}
	}
	return n;
}

/* explicit instantiations, so both template instances keep their symbols */
template unsigned int countMatching<OSKext>(OSKext *const *, unsigned int,
    bool (*)(const OSKext *));
template unsigned int countMatching<OSString>(OSString *const *, unsigned int,
    bool (*)(const OSString *));

const char *
loadStateName(OSKextLoadState state)
{
	switch (state) {
	case OSKextLoadState::Unloaded: return "unloaded";
	case OSKextLoadState::Loading:  return "loading";
	case OSKextLoadState::Loaded:   return "loaded";
	case OSKextLoadState::Started:  return "started";
	case OSKextLoadState::Stopping: return "stopping";
	}
	return "?";
}

} /* namespace libkern */

/* ---- OSKext ------------------------------------------------------------- */

OSKext::OSKext(OSString *identifier)
	: OSObject(), bundleID(identifier), kmod_info(nullptr), dependencies(nullptr),
	  loadTag(0), loadState(OSKextLoadState::Unloaded), flags{0, 0, 0, 0, 1, 0}
{
	if (identifier != nullptr) {
		identifier->retain();
	}
}

OSKext::~OSKext()
{
	if (!bundleID.isNull()) {
		bundleID->release();
		bundleID.reset(nullptr);
	}
	kmod_info = nullptr;
}

void
OSKext::free()
{
	if (flags.loaded) {
		return;         /* never free a loaded kext */
	}
	OSObject::free();
}

OSKext *
OSKext::lookupKextWithIdentifier(const char *kextIdentifier)
{
	if (kextIdentifier == nullptr) {
		return nullptr;
	}
	for (unsigned int i = 0; i < sAllKexts->getCount(); i++) {
		OSKext *aKext = static_cast<OSKext *>(sAllKexts->getObject(i));
		if (aKext != nullptr && aKext->bundleID->isEqualTo(kextIdentifier)) {
			return aKext;
		}
	}
	return nullptr;
}

OSKext *
OSKext::lookupKextWithLoadTag(uint32_t aTag)
{
	for (unsigned int i = 0; i < sLoadedKexts->getCount(); i++) {
		OSKext *aKext = static_cast<OSKext *>(sLoadedKexts->getObject(i));
		if (aKext != nullptr && aKext->loadTag == aTag) {
			return aKext;
		}
	}
	return nullptr;
}

__attribute__((noinline)) OSReturn
OSKext::loadKextWithIdentifier(const char *kextIdentifier,
    OSKextExcludeLevel startOpt, OSKextExcludeLevel startMatchingOpt)
{
	OSKext *theKext = lookupKextWithIdentifier(kextIdentifier);
	OSReturn result;

	if (theKext == nullptr) {
		/* remember that someone asked, for the unload pass */
		theKext = new OSKext(OSString::withCStringNoCopy(kextIdentifier));
		if (theKext == nullptr) {
			return kOSKextReturnNoResources;
		}
		sAllKexts->setObject(theKext);
		theKext->release();
		return kOSKextReturnNotFound;
	}
	if (theKext->isLoaded()) {
		return kOSReturnSuccess;
	}
	result = theKext->load(startOpt, startMatchingOpt, nullptr);
	if (result == kOSReturnSuccess && !sLoadedKexts->containsObject(theKext)) {
		sLoadedKexts->setObject(theKext);
	}
	return result;
}

unsigned int
OSKext::applyToIdentifiers(const char *const *identifiers, unsigned int count,
    OSReturn (*callback)(OSKext *aKext, void *context), void *context)
{
	unsigned int applied = 0;

	for (unsigned int i = 0; i < count && identifiers[i] != nullptr; i++) {
		OSKext *aKext = lookupKextWithIdentifier(identifiers[i]);
		if (aKext != nullptr && callback(aKext, context) == kOSReturnSuccess) {
			applied++;
		}
	}
	return applied;
}

OSReturn
OSKext::loadExecutable()
{
	vm_offset_t addr = 0;
	kern_return_t kr;

	if (kmod_info == nullptr) {
		return kOSKextReturnNotFound;
	}
	kr = kext_alloc(&addr, kmod_info->size, FALSE);
	if (kr != KERN_SUCCESS) {
		return kOSKextReturnNoResources;
	}
	kmod_info->address = addr;
	kmod_info->id = loadTag;
	kmod_info->next = kmod;
	kmod = kmod_info;
	return kOSReturnSuccess;
}

__attribute__((noinline)) OSReturn
OSKext::load(OSKextExcludeLevel startOpt, OSKextExcludeLevel startMatchingOpt,
    OSArray *personalityNames)
{
	OSReturn result;

	if (isLoaded() || isKernelComponent()) {
		return kOSReturnSuccess;
	}
	loadState = OSKextLoadState::Loading;

	if (dependencies != nullptr) {
		for (unsigned int i = 0; i < dependencies->getCount(); i++) {
			OSKext *dep = static_cast<OSKext *>(dependencies->getObject(i));
			result = dep->load(startOpt, startMatchingOpt, nullptr);
			if (result != kOSReturnSuccess) {
				loadState = OSKextLoadState::Unloaded;
				return result;
			}
		}
	}

	loadTag = sNextLoadTag++;
	result = loadExecutable();
	if (result != kOSReturnSuccess) {
		loadState = OSKextLoadState::Unloaded;
		return result;
	}
	flags.loaded = 1;
	loadState = OSKextLoadState::Loaded;
	sLoadCount++;

	if (startOpt == kOSKextExcludeNone) {
		result = start(true);
	}
	if (result == kOSReturnSuccess && personalityNames != nullptr &&
	    startMatchingOpt == kOSKextExcludeNone) {
		/* personalities would be sent to IOCatalogue here */
		personalityNames->retain();
		personalityNames->release();
	}
	return result;
}

OSReturn
OSKext::start(bool startDependenciesFlag)
{
	if (isStarted()) {
		return kOSReturnSuccess;
	}
	if (!isLoaded()) {
		return kOSReturnError;
	}
	if (startDependenciesFlag && dependencies != nullptr) {
		for (unsigned int i = 0; i < dependencies->getCount(); i++) {
			OSKext *dep = static_cast<OSKext *>(dependencies->getObject(i));
			if (dep->start(true) != kOSReturnSuccess) {
				return kOSKextReturnStartStopError;
			}
		}
	}
	if (kmod_info != nullptr && kmod_info->start != nullptr &&
	    kmod_info->start(kmod_info, nullptr) != KERN_SUCCESS) {
		return kOSKextReturnStartStopError;
	}
	flags.started = 1;
	loadState = OSKextLoadState::Started;
	return kOSReturnSuccess;
}

bool
OSKext::isLoaded() const
{
	return flags.loaded != 0;
}

bool
OSKext::isStarted() const
{
	return flags.started != 0;
}

bool
OSKext::isKernelComponent() const
{
	return flags.kernelComponent != 0;
}

const char *
OSKext::getIdentifierCString() const
{
	return bundleID.isNull() ? "" : bundleID->getCStringNoCopy();
}

uint32_t
OSKext::getLoadTag() const
{
	return loadTag;
}

bool
OSKext::operator==(const OSKext &other) const
{
	return loadTag == other.loadTag && !bundleID.isNull() &&
	       !other.bundleID.isNull() && *bundleID.get() == *other.bundleID.get();
}

/* ---- C entry points ------------------------------------------------------ */

static bool
kextIsLoaded(const OSKext *aKext)
{
	return aKext->isLoaded();
}

static bool
stringIsReverseDNS(const OSString *aString)
{
	return aString->getLength() > 4 &&
	       strncmp(aString->getCStringNoCopy(), "com.", 4) == 0;
}

static OSReturn
retainCallback(OSKext *aKext, void *context)
{
	unsigned int *retained = static_cast<unsigned int *>(context);

	aKext->retain();
	(*retained)++;
	return kOSReturnSuccess;
}

extern const char *const kOSKextBootIdentifiers[];
const char *const kOSKextBootIdentifiers[] = {
	"com.apple.kec.corecrypto",
	"com.apple.iokit.IOPCIFamily",
	"com.apple.driver.AppleACPIPlatform",
	nullptr,
};

libkern::OSPtr<OSKext> gKernelKextPtr(&gKextKernel);

extern "C" void
OSKextBootstrap(void)
{
	unsigned int retained = 0;
	OSKext *pseudo = new OSKext(OSString::withCStringNoCopy("com.apple.kpi.bsd"));

	if (pseudo != nullptr) {
		OSKext::sAllKexts->setObject(pseudo);
		pseudo->release();
	}
	OSKext::applyToIdentifiers(kOSKextBootIdentifiers, 3, retainCallback, &retained);
	if (retained == 0 || !(*gKernelKextPtr.get() == gKextKernel)) {
		panic("OSKextBootstrap: kernel kext missing");
	}
}

extern "C" OSReturn
OSKextLoadKextWithIdentifier(const char *kextIdentifier)
{
	return OSKext::loadKextWithIdentifier(kextIdentifier, kOSKextExcludeNone,
	           kOSKextExcludeNone);
}

extern "C" unsigned int
OSKextLoadedKextCount(void)
{
	OSKext *kexts[16];
	OSString *ids[16];
	unsigned int n = OSKext::sAllKexts->getCount();

	if (n > 16) {
		n = 16;
	}
	for (unsigned int i = 0; i < n; i++) {
		kexts[i] = static_cast<OSKext *>(OSKext::sAllKexts->getObject(i));
		ids[i] = OSString::withCStringNoCopy(kexts[i]->getIdentifierCString());
	}
	unsigned int loaded = libkern::countMatching<OSKext>(kexts, n, kextIsLoaded);
	unsigned int apple = libkern::countMatching<OSString>(ids, n, stringIsReverseDNS);
	return loaded <= apple ? loaded : apple;
}

extern "C" const char *
OSKextIdentifierForLoadTag(uint32_t loadTag)
{
	OSKext *aKext = OSKext::lookupKextWithLoadTag(loadTag);

	if (aKext == nullptr) {
		return nullptr;
	}
	debug_puts(libkern::loadStateName(aKext->getLoadState()));
	return aKext->getIdentifierCString();
}

/* drop the run-time kexts nobody loaded (exercises the deleting destructor) */
extern "C" void
OSKextTeardownUnloaded(void)
{
	for (unsigned int i = 0; i < OSKext::sAllKexts->getCount(); i++) {
		OSKext *aKext = static_cast<OSKext *>(OSKext::sAllKexts->getObject(i));
		if (aKext != nullptr && !aKext->isLoaded() && os_heap_owns(aKext)) {
			aKext->release();
		}
	}
}
